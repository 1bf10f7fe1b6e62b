import type { Database } from '#db/client';
import { staffAudit } from '#db/schema';

/** What staff do that the audit log records (reads of personal data, changes, downloads, sign-ins). */
export type AuditAction =
  | 'login'
  | 'logout'
  | 'request.read'
  | 'request.decide'
  | 'request.enter'
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

/** The records an entry concerns, by id or reference only: the log itself holds no personal data. */
export type AuditRecords = {
  requests?: number[];
  references?: string[];
  sections?: string[];
  stops?: number[];
  format?: string;
  afterHandover?: true;
  /** A district whose constituency (МИР) was set, and the МИР. */
  districts?: string[];
  constituency?: string;
};

export const auditEntry = (db: Database, userId: number, action: AuditAction, records: AuditRecords, now: Date) =>
  db.insert(staffAudit).values({ at: now.toISOString(), userId, action, records: JSON.stringify(records) });
