import { localDate } from '#core/zoned-time';
import { getElection } from '#functions/elections/registry';

/** What `receivedAt` reads of a stored request. */
export interface ReceivedFacts {
  electionId: string;
  /** The date of receipt, when the row has one (every row written since migration 0012). */
  receivedOn: string | null;
  createdAt: string;
}

/**
 * A request's date of receipt, as an ISO day in its election's time zone: the day the
 * administration received a paper application, the day an online one was sent. The summary's
 * threshold, the status page and the staff lists go by it, never by the day staff typed it in.
 * Rows from before the column existed fall back to the day they were stored.
 *
 * @example receivedAt({ electionId: election.id, receivedOn: '2024-05-25', createdAt: '2024-05-27T08:00:00.000Z' }) // '2024-05-25'
 */
export function receivedAt(request: ReceivedFacts): string {
  if (request.receivedOn) return request.receivedOn;
  return localDate(new Date(request.createdAt), getElection(request.electionId)?.timeZone ?? 'UTC');
}
