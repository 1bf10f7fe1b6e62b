import { and, asc, eq, gte, lt } from 'drizzle-orm';
import { database } from '#db/client';
import { staffAudit, staffUsers } from '#db/schema';
import type { Bindings } from '#functions/env';
import { addDays } from '#core/zoned-time';
import { auditEntry, type AuditRecords } from './audit';
import type { StaffSession } from './sessions';

const MAX_ENTRIES = 5000;

/**
 * The audit log between two days (UTC, `to` included), oldest first, with who did it; reading it
 * is itself an entry. Records name ids and references only, never personal data; a security event
 * (failed or throttled sign-in, refused CSRF token, refusal outside a user's reach) has its outcome,
 * and `source` groups events from one address without naming it.
 */
export async function readAudit(env: Bindings, user: StaffSession['user'], range: { from?: string | undefined; to?: string | undefined }, now: Date) {
  const to = range.to ?? now.toISOString().slice(0, 10);
  const from = range.from ?? addDays(to, -6);
  const db = database(env.DB);
  const rows = await db
    .select({
      id: staffAudit.id,
      at: staffAudit.at,
      action: staffAudit.action,
      records: staffAudit.records,
      outcome: staffAudit.outcome,
      source: staffAudit.source,
      email: staffUsers.email,
      role: staffUsers.role,
    })
    .from(staffAudit)
    .leftJoin(staffUsers, eq(staffUsers.id, staffAudit.userId))
    .where(and(gte(staffAudit.at, from), lt(staffAudit.at, addDays(to, 1))))
    .orderBy(asc(staffAudit.id))
    .limit(MAX_ENTRIES + 1);
  await auditEntry(db, user.id, 'audit.read', {}, now);
  return {
    from,
    to,
    truncated: rows.length > MAX_ENTRIES,
    entries: rows.slice(0, MAX_ENTRIES).map((row) => ({
      id: row.id,
      at: row.at,
      action: row.action,
      user: row.email ?? null,
      role: row.role ?? null,
      records: JSON.parse(row.records) as AuditRecords,
      outcome: row.outcome,
      source: row.source,
    })),
  };
}
