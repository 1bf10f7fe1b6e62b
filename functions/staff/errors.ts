import { refusals } from '#core/errors';

/** Why a review decision or a change in the staff area is refused; the words are `errors.<code>` in the dictionaries. */
export const { codes: STAFF_REFUSALS, refuse } = refusals({
  already_assigned: { status: 409, when: 'the request is already on a route' },
  election_closed: { status: 409, when: 'the election is past its route hand-over deadline: it can be read, not changed' },
  repeat_unresolved: { status: 409, when: 'the request repeats an earlier application of the same person: resolve the pair first' },
  request_closed: { status: 409, when: 'the request was closed when its pair was resolved (or folded into an identical one): decide on the one it went to' },
  pair_resolved: { status: 409, when: 'the pair was resolved, or one of its requests changed, meanwhile: open it again' },
});
