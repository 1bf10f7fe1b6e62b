import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '#functions/env';

/*
 * D1 read replication through the Sessions API, for the read-only lookup paths. Their data
 * changes only when the official lists are imported, so a replica's copy is as good as the
 * primary's: a session starts with "first-unconstrained" (the nearest replica) and each answer
 * carries the session's bookmark in X-D1-Bookmark. A client that sends it back gets data at
 * least that new (D1 waits for a replica to catch up), so one visitor's answers never go back
 * in time from one request to the next. Everything a voter writes (mobile-box applications,
 * problem reports) and everything read back about them (the status) does not use a session:
 * a plain D1 binding always reads and writes the primary, so nobody reads older data than
 * they just wrote. Locally (wrangler dev, the test pool) there are no replicas; the same calls
 * run against the one database.
 */

export const BOOKMARK_HEADER = 'X-D1-Bookmark';

/** D1 bookmarks are hex groups joined by dashes; anything else is ignored rather than sent to D1. */
export const bookmark = z
  .string()
  .max(256)
  .regex(/^[0-9a-f]+(?:-[0-9a-f]+)*$/i);

/** Where a session starts: after the client's bookmark, or on the nearest replica. */
export function sessionStart(header: string | undefined): string {
  // Most requests send none: no schema to run then.
  if (header === undefined) return 'first-unconstrained';
  return bookmark.safeParse(header).data ?? 'first-unconstrained';
}

/**
 * The bindings with DB on a session that may read a replica, and the session (for its
 * bookmark). The server-rendered lookup pages use it as is: one page, one session.
 */
export function onReplicas<E extends { DB: D1Database }>(env: E, header?: string): { env: E; session: D1DatabaseSession } {
  const session = env.DB.withSession(sessionStart(header));
  // drizzle and our queries use only prepare() and batch(), which a session has.
  return { env: { ...env, DB: session as unknown as D1Database }, session };
}

/** Runs the route on a D1 session (replicas allowed) and answers with its bookmark. */
export const readReplicas: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { env, session } = onReplicas(c.env, c.req.header(BOOKMARK_HEADER));
  c.env = env;
  await next();
  const latest = session.getBookmark();
  if (latest) c.header(BOOKMARK_HEADER, latest);
};
