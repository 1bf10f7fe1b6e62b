import type { Database } from '#db/client';
import { staffAudit } from '#db/schema';
import { NotFound } from '#core/errors';
import { personalNumberHash } from '#functions/platform/crypto';

/** What the audit log records: reads of personal data, changes, downloads, sign-ins and security events. */
export type AuditAction =
  | 'login'
  | 'login.password'
  | 'login.second_factor'
  | 'login.enrol'
  | 'logout'
  | 'session.end'
  | 'account.sign_out'
  | 'csrf.refused'
  | 'scope.refused'
  | 'request.read'
  | 'request.decide'
  | 'request.enter'
  | 'request.resolve'
  | 'section.update'
  | 'section.register'
  | 'section.unregister'
  | 'section.reorder'
  | 'section.handover'
  | 'district.constituency'
  | 'stop.locate'
  | 'route.read'
  | 'route.download'
  | 'audit.read';

export type AuditOutcome = 'ok' | 'failed' | 'refused' | 'throttled';

/** The records an entry concerns, by id or reference only: the log itself holds no personal data. */
export type AuditRecords = {
  requests?: number[];
  references?: string[];
  sections?: string[];
  stops?: number[];
  format?: string;
  afterHandover?: true;
  /** The second factor used or enrolled (`totp`, `passkey`, `recovery`). */
  method?: string;
  /** The API route or page refused (its pattern, e.g. `/api/admin/requests/:id`: never a query or a value). */
  route?: string;
  /** Sessions ended (their public ids), or how many. */
  sessions?: string[];
  ended?: number;
  /** The account acted upon, by id (a city user ending someone's sessions). */
  account?: number;
  /** Recovery codes still unused after this sign-in. */
  remaining?: number;
  /** A district whose constituency (МИР) was set, and the МИР. */
  districts?: string[];
  constituency?: string;
  /** How staff resolved a pair of applications (`keep_first`, `merge`…), and what a merge took from the repeat. */
  resolution?: string;
  took?: string[];
};

export interface AuditContext {
  outcome?: AuditOutcome;
  /** `auditSource()` of the request, for events before anyone is known (and sign-ins). */
  source?: string | undefined;
}

export const auditEntry = (db: Database, userId: number | null, action: AuditAction, records: AuditRecords, now: Date, context: AuditContext = {}) =>
  db.insert(staffAudit).values({
    at: now.toISOString(),
    userId,
    action,
    records: JSON.stringify(records),
    outcome: context.outcome ?? 'ok',
    source: context.source ?? null,
  });

/** Who a request came from, for the audit log: an HMAC of its rate-limit bucket (IPv4 address or IPv6 /64); the address itself is never stored. */
export const auditSource = async (secret: string, bucket: string) => (await personalNumberHash(secret, 'staff-audit-source', bucket)).slice(0, 22);

/**
 * A record that exists but is outside the user's reach (another district's request, section or
 * stop): audited as `scope.refused`, then NotFound, exactly like a record that does not exist.
 */
export async function refuseOutOfReach(db: Database, userId: number, records: AuditRecords, now: Date): Promise<never> {
  await auditEntry(db, userId, 'scope.refused', records, now, { outcome: 'refused' });
  throw new NotFound();
}
