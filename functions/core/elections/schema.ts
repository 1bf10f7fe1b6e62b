import { z } from 'zod';
import { COUNTRIES } from '#core/countries';
import { localizedText } from '#core/localized';

const isoDate = z.iso.date();
const slug = z.string().regex(/^[a-z0-9-]+$/, 'lower-case letters, digits and dashes');
const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:MM');

/**
 * How a deadline follows from voting day.
 * - `clear-days`: N whole days lie between the deadline and voting day, neither counted
 *   (Bulgaria's Electoral Code: "not later than 14 days before" 9 June is 25 May).
 * - `calendar`: the deadline is voting day minus N calendar days (Kazakhstan: "at least
 *   16 days before" 15 March is 27 February).
 */
export const deadlineRule = z.object({
  daysBefore: z.number().int().positive(),
  counting: z.enum(['clear-days', 'calendar']),
});
export type DeadlineRule = z.infer<typeof deadlineRule>;

export const deadlineSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    /** A window has a first day; a plain deadline only its last. */
    opens: isoDate.optional(),
    opensAt: clockTime.optional(),
    /** The last day, in the election's time zone. */
    date: isoDate,
    /** The hour on `date` when it closes; without it the whole day counts. */
    closesAt: clockTime.optional(),
    rule: deadlineRule.optional(),
    /** Other deadlines this one must not come before (checked by the build tests). */
    after: z.array(z.string()).default([]),
    title: localizedText,
    meaning: localizedText,
    /**
     * For a date the source does not print: how it follows from the source's own dates. Shown
     * beside the date; the content tests require it for every date the seed does not name.
     */
    derivation: localizedText.optional(),
  })
  .strict();
export type Deadline = z.infer<typeof deadlineSchema>;

/**
 * What a voter (or, for the last two, a district administration) does before a deadline; each
 * election names the deadline that governs it.
 */
export const ACTIONS = [
  'current-address-request',
  'mobile-box-request',
  'mobile-box-late-request',
  'absentee-certificate',
  'voter-list-correction',
  'mobile-box-transfer',
  'route-handover',
] as const;
export type Action = (typeof ACTIONS)[number];

/** Situations a help channel serves. */
export const HELP_TOPICS = ['lookup-not-found', 'mobile-box', 'current-address'] as const;
export type HelpTopic = (typeof HELP_TOPICS)[number];

/** An official channel from the source document: a phone, an SMS number, a site or an address. */
export const helpChannel = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    kind: z.enum(['phone', 'sms', 'web', 'email', 'edelivery']),
    /** As the source writes it (a phone number, an address, a host name). */
    value: z.string().min(1),
    href: z.string().regex(/^(tel:|sms:|mailto:|https:\/\/)/),
    free: z.boolean().optional(),
    hours: z
      .object({ days: z.enum(['working-days', 'every-day']), opens: clockTime, closes: clockTime })
      .strict()
      .optional(),
    /** Where the channel serves when it is not the whole country (a city's name). */
    area: z.string().optional(),
    for: z.array(z.enum(HELP_TOPICS)).min(1),
  })
  .strict();
export type HelpChannel = z.infer<typeof helpChannel>;

/** One ballot a mobile-box application is for: its official form and who may ask for it. */
export const mobileBoxBallot = z
  .object({
    /** Stored with each request (D1 keeps it as text, checked against this list). */
    id: slug,
    /** What is elected with it, in a few words: "European Parliament". */
    name: localizedText,
    /** The form it stands for, as the source names it (Приложение № 30-ЕП). */
    form: z.string().min(1),
    citizenships: z.array(z.enum(['BG', 'EU'])).min(1),
    title: localizedText,
  })
  .strict();

/** A mobile section (ПСИК) of an election in an area: the district it serves; its number and base address once known. */
export const mobileSectionData = z
  .object({
    district: slug,
    /** The section's number, when the election commission has given it (the city can enter it later). */
    number: z
      .string()
      .regex(/^\d{9}$/)
      .optional(),
    /** Where its car starts and ends the route (the city can enter it later). */
    base: z.string().min(1).max(200).optional(),
  })
  .strict();

/**
 * A mobile sectional election commission (подвижна СИК) appointed on a settlement's territory:
 * after the regular deadline a voter of that settlement may still apply (seed 004, lines 99 and
 * 110). `appointedOn` is the day of the decision that appointed it, when the source gives it;
 * without it the commission counts as appointed for the whole late window.
 */
export const mobileCommission = z
  .object({
    settlement: slug,
    appointedOn: isoDate.optional(),
  })
  .strict();
export type MobileCommission = z.infer<typeof mobileCommission>;

/** An area (content/areas/<area>.json) where the election takes mobile-box applications, with its mobile sections. */
export const mobileBoxArea = z
  .object({
    area: slug,
    sections: z.array(mobileSectionData),
    /** The settlements of the area where a mobile commission is appointed (late applications are taken there only). */
    commissions: z.array(mobileCommission).default([]),
  })
  .strict();
export type MobileBoxArea = z.infer<typeof mobileBoxArea>;

/** The mobile ballot box of an election: where it is run, its ballots and how long requests are kept. */
export const mobileBoxConfig = z
  .object({
    areas: z.array(mobileBoxArea).min(1),
    ballots: z.array(mobileBoxBallot).min(1),
    /** Days after voting day until the requests' personal data is deleted (counts stay). */
    retentionDays: z.number().int().positive(),
    /** At this many accepted applications in a settlement (per ballot), the mayor of the municipality notifies the district election commission (РИК), which decides the number of mobile sections. */
    notifyAt: z.number().int().positive(),
  })
  .strict()
  .superRefine((config, context) => {
    const unique = (ids: string[], path: string) =>
      ids.forEach((id, index) => {
        if (ids.indexOf(id) !== index) context.addIssue({ code: 'custom', path: [path, index], message: `${id} is listed twice` });
      });
    unique(
      config.ballots.map((ballot) => ballot.id),
      'ballots',
    );
    unique(
      config.areas.map((area) => area.area),
      'areas',
    );
  });
export type MobileBoxConfig = z.infer<typeof mobileBoxConfig>;

export const electionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    country: z.enum(COUNTRIES),
    /** What is voted on, as the data names it (e.g. the bodies elected, `referendum`, `voter-list-check`). */
    kind: z.array(slug).min(1),
    title: localizedText,
    /** Absent for a voter-list check that is not tied to one voting day. */
    votingDay: isoDate.optional(),
    /** How voting day follows from the source's dates, when the source does not print it. */
    votingDayDerivation: localizedText.optional(),
    pollingHours: z.object({ opens: clockTime, closes: clockTime }).strict().optional(),
    timeZone: z.string().refine((zone) => {
      try {
        new Intl.DateTimeFormat('en', { timeZone: zone });
        return true;
      } catch {
        return false;
      }
    }, 'unknown IANA time zone'),
    source: z.string().regex(/^\d{3}_[0-9a-f]{16}\.txt$/),
    /**
     * What a reader of the source should know: where it is ambiguous or silent, and how this data
     * reads it (with the source's line numbers). For maintainers; never shown to voters.
     */
    sourceNotes: z.array(z.string().min(1)).optional(),
    /**
     * The day the election was called, when the source gives it: the earliest date of receipt a
     * paper application can have. Without it, the first day the election data names stands in
     * (`earliestReceipt()` in functions/core/mobile-box/receipt.ts).
     */
    calledOn: isoDate.optional(),
    /** The guide (slug, the same in every locale) that explains this election, when there is one. */
    guide: slug.optional(),
    help: z.array(helpChannel),
    /** Which deadline governs each action the voter can take. */
    actions: z.partialRecord(z.enum(ACTIONS), z.string()),
    mobileBox: mobileBoxConfig.optional(),
    deadlines: z.array(deadlineSchema).min(1),
  })
  .strict()
  .superRefine((election, context) => {
    for (const [action, deadline] of Object.entries(election.actions)) {
      if (!election.deadlines.some((d) => d.id === deadline)) {
        context.addIssue({ code: 'custom', path: ['actions', action], message: `no deadline ${deadline}` });
      }
    }
  });
export type Election = z.infer<typeof electionSchema>;

/** What the date logic needs of a deadline (the client gets only this, not the texts). */
export type DeadlineTiming = Pick<Deadline, 'id' | 'date' | 'opens' | 'opensAt' | 'closesAt'>;
/** What the date logic needs of an election. */
export interface ElectionTiming {
  id: string;
  timeZone: string;
  votingDay?: string | undefined;
  actions: Partial<Record<Action, string>>;
  deadlines: DeadlineTiming[];
}

/** The timing part of an election, small enough to embed in a page for the checkers. */
export function electionTiming(election: Election): ElectionTiming {
  return {
    id: election.id,
    timeZone: election.timeZone,
    ...(election.votingDay ? { votingDay: election.votingDay } : {}),
    actions: election.actions,
    deadlines: election.deadlines.map(({ id, date, opens, opensAt, closesAt }) => ({
      id,
      date,
      ...(opens ? { opens } : {}),
      ...(opensAt ? { opensAt } : {}),
      ...(closesAt ? { closesAt } : {}),
    })),
  };
}
