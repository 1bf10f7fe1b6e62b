/**
 * A deadline's status from the instants it changes at. Imports nothing, so that a guide's
 * first view can mark its timeline without the time-zone code (./deadlines.ts works the
 * instants out; the page carries them).
 */

export type DeadlineStatus = 'upcoming' | 'open' | 'today' | 'past';

/** When a deadline's window opens, when its last day starts and when it closes, in its time zone. */
export interface DeadlineInstants {
  opens?: Date;
  lastDay: Date;
  closes: Date;
}

/**
 * Where a deadline stands at `now`: `past` once closed, `today` on its last day (until it
 * closes, which is on that day), `open` inside a window before its last day, `upcoming` otherwise.
 */
export function statusAt({ opens, lastDay, closes }: DeadlineInstants, now: Date): DeadlineStatus {
  if (now >= closes) return 'past';
  if (now >= lastDay) return 'today';
  if (opens && now >= opens) return 'open';
  return 'upcoming';
}

/** Instants as a page carries them, in data attributes or JSON: ISO strings. */
export interface CarriedInstants {
  opens?: string | undefined;
  lastDay: string;
  closes: string;
}

export function carryInstants({ opens, lastDay, closes }: DeadlineInstants): CarriedInstants {
  return { ...(opens ? { opens: opens.toISOString() } : {}), lastDay: lastDay.toISOString(), closes: closes.toISOString() };
}

export function fromCarried({ opens, lastDay, closes }: CarriedInstants): DeadlineInstants {
  return { ...(opens ? { opens: new Date(opens) } : {}), lastDay: new Date(lastDay), closes: new Date(closes) };
}
