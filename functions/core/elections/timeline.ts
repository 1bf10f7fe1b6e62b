import { deadlineInstants, sortedDeadlines } from './deadlines';
import { statusAt, type DeadlineInstants, type DeadlineStatus } from './deadline-status';
import type { Deadline, Election } from './schema';
import type { LocalizedText } from '#core/localized';
import { atTime, LOCALES, t, type Locale } from '#core/i18n';

export const VOTING_DAY_ID = 'voting-day';

const everyLocale = (make: (locale: Locale) => string) => Object.fromEntries(LOCALES.map((locale) => [locale, make(locale)])) as LocalizedText;

/** Voting day as a timeline entry, so it sorts, shows and exports like a deadline. */
export function votingDayEntry(election: Election): Deadline | undefined {
  if (!election.votingDay) return undefined;
  const hours = election.pollingHours;
  return {
    id: VOTING_DAY_ID,
    date: election.votingDay,
    after: [],
    title: everyLocale((locale) => t(locale, 'guides.timeline.votingDay')),
    meaning: everyLocale((locale) =>
      hours ? t(locale, 'guides.timeline.pollingHours', { opens: atTime(hours.opens), closes: atTime(hours.closes) }) : election.title[locale],
    ),
    ...(election.votingDayDerivation ? { derivation: election.votingDayDerivation } : {}),
  };
}

/** Every dated entry of an election, voting day included, in date order. */
export function timelineEntries(election: Election): Deadline[] {
  const votingDay = votingDayEntry(election);
  return sortedDeadlines({ deadlines: votingDay ? [...election.deadlines, votingDay] : election.deadlines });
}

export interface TimelineItem {
  entry: Deadline;
  status: DeadlineStatus;
  /** The instants the browser recomputes the status from with the same statusAt(). */
  instants: DeadlineInstants;
}

/** Entries with their status at `now`. */
export function timelineItems(election: Election, now: Date): TimelineItem[] {
  return timelineEntries(election).map((entry) => {
    const instants = deadlineInstants(entry, election.timeZone);
    return { entry, status: statusAt(instants, now), instants };
  });
}
