import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ballotsFor, commissionAppointed, decideApplication } from '#core/mobile-box/rules';
import { earliestReceipt, receiptMoment, receiptProblem } from '#core/mobile-box/receipt';
import { fieldProblems } from '#core/validation';
import { getArea } from '#functions/elections/areas';
import { getElection } from '#functions/elections/registry';
import { receivedAt } from '#functions/mobile-box/received';
import { mobileBoxRequest, paperRequest } from '#functions/mobile-box/schemas';
import { VOTER } from '#test/shared/voter';

const election = getElection('bg-2024-06-09')!;
const config = election.mobileBox!;
// The city of Sofia, where mobile commissions were appointed (seed 004, lines 99 and 110).
const sofia = { mobileCommission: true };
const seedFile = resolve(process.env.SEEDS_DIR ?? '../shared/seeds', election.source);
/** The seed's words, where ../shared/seeds is at hand (SEEDS_DIR points elsewhere): the quotes are checked against it; the rules always. */
const quoted = (words: string) => {
  if (existsSync(seedFile)) expect(readFileSync(seedFile, 'utf8')).toContain(words);
};
const problems = (schema: z.ZodType, input: unknown) => {
  const result = z.safeParse(schema, input);
  return result.success ? [] : fieldProblems(schema, result.error, input).map(({ field, code }) => ({ field, code }));
};
const REPRESENTATIVE = { fullName: 'Илиана Стоянова Костадинова', idNumber: '6802140737', phone: '0899 201 774' };
const PAPER = { ...VOTER, channel: 'post', receivedOn: '2024-05-25', incomingNumber: '94-00-123' };

describe('paper applications: the date of receipt governs', () => {
  const decide = (day: string) =>
    decideApplication(config, election, { citizenship: 'BG', ballots: ['ns'], settlement: sofia }, receiptMoment(day, election.timeZone));

  it('seed 004 line 93, "подадени до 25 май 2024 г., по пощата, чрез факс или електронно": received on 25 May, it is in time whenever it is typed in', () => {
    quoted('подадени до 25 май 2024 г., по пощата, чрез факс или електронно');
    expect(decide('2024-05-25')).toEqual({ ok: true, late: false });
  });

  it('seed 004 line 99, "не по-късно от 5 дни преди изборния ден (3 юни 2024 г.)": received from 26 May to 3 June, it is late; received on 4 June, it is too late', () => {
    expect(decide('2024-05-26')).toEqual({ ok: true, late: true });
    expect(decide('2024-06-03')).toEqual({ ok: true, late: true });
    expect(decide('2024-06-04')).toEqual({ ok: false, refusal: 'deadline_passed' });
  });

  it('the day of receipt is judged from its first minute in the election’s time zone', () => {
    expect(receiptMoment('2024-05-25', 'Europe/Sofia').toISOString()).toBe('2024-05-24T21:00:00.000Z');
  });

  it('seed 004 gives no day the elections were called: the earliest date of receipt is the first day the election data names (29 April 2024, line 29)', () => {
    expect(election.calledOn).toBeUndefined();
    quoted('не по-късно от 29 април 2024 г.');
    expect(earliestReceipt(election)).toBe('2024-04-29');
    expect(earliestReceipt({ ...election, calledOn: '2024-04-09' })).toBe('2024-04-09');
    expect(election.sourceNotes?.some((note) => note.includes('calledOn'))).toBe(true);
  });

  it('a date of receipt lies between the earliest one and today', () => {
    expect(receiptProblem('2024-04-28', '2024-04-29', '2024-05-27')).toBe('before_called');
    expect(receiptProblem('2024-05-28', '2024-04-29', '2024-05-27')).toBe('in_future');
    expect(receiptProblem('2024-05-27', '2024-04-29', '2024-05-27')).toBeUndefined();
  });

  it('staff give the date of receipt, the incoming number and the channel; a date before the earliest one is refused on its field', () => {
    expect(problems(paperRequest, PAPER)).toEqual([]);
    expect(problems(paperRequest, { ...PAPER, receivedOn: '', incomingNumber: ' ' })).toEqual([
      { field: 'receivedOn', code: 'required' },
      { field: 'incomingNumber', code: 'required' },
    ]);
    expect(problems(paperRequest, { ...PAPER, receivedOn: '2024-02-30' })).toEqual([{ field: 'receivedOn', code: 'invalid_date' }]);
    expect(problems(paperRequest, { ...PAPER, receivedOn: '2024-04-28' })).toEqual([{ field: 'receivedOn', code: 'too_small' }]);
  });

  it('receivedAt: the stored date of receipt, else the day the row was stored in the election’s time zone', () => {
    expect(receivedAt({ electionId: election.id, receivedOn: '2024-05-25', createdAt: '2024-05-27T08:00:00.000Z' })).toBe('2024-05-25');
    expect(receivedAt({ electionId: election.id, receivedOn: null, createdAt: '2024-05-25T22:30:00.000Z' })).toBe('2024-05-26');
  });
});

describe('the representative’s power of attorney', () => {
  const line = 'чрез упълномощено лице (пълномощното не е необходимо да е нотариално заверено)';

  it(`seed 004 line 93, "${line}": a representative confirms holding a power of attorney signed by the voter, or the application names that field`, () => {
    quoted(line);
    const forVoter = { ...VOTER, submittedBy: 'representative', representative: REPRESENTATIVE };
    expect(problems(mobileBoxRequest, forVoter)).toEqual([{ field: 'representative.powerOfAttorney', code: 'required' }]);
    expect(problems(mobileBoxRequest, { ...forVoter, representative: { ...REPRESENTATIVE, powerOfAttorney: 'false' } })).toEqual([
      { field: 'representative.powerOfAttorney', code: 'invalid_choice' },
    ]);
    expect(problems(mobileBoxRequest, { ...forVoter, representative: { ...REPRESENTATIVE, powerOfAttorney: 'true' } })).toEqual([]);
  });

  it(`seed 004 line 93, "${line}": a voter applying for themselves is not asked for one`, () => {
    expect(problems(mobileBoxRequest, { ...VOTER, submittedBy: 'self', representative: REPRESENTATIVE })).toEqual([]);
  });
});

describe('the voter’s declaration', () => {
  it('seed 004 lines 85 and 104, "възпрепятствани да гласуват в изборното помещение" and "с трайни увреждания, които не могат да упражнят правото си на глас в изборното помещение": the application carries the declaration or names the field', () => {
    quoted('възпрепятствани да гласуват в изборното помещение');
    quoted('с трайни увреждания, които не могат да упражнят правото си на глас в изборното помещение');
    const { declaration: _left, ...without } = VOTER;
    expect(problems(mobileBoxRequest, without)).toEqual([{ field: 'declaration', code: 'required' }]);
    expect(problems(mobileBoxRequest, { ...VOTER, declaration: 'on' })).toEqual([]);
    expect(problems(paperRequest, { ...PAPER, declaration: false })).toEqual([{ field: 'declaration', code: 'invalid_choice' }]);
  });
});

describe('what the data says instead of code', () => {
  it('seed 004 line 141, "информационен видеоклип, предназначен да помогне на хора със затруднени слух и зрение": Sofia’s video is area data, worded as the source words it', () => {
    quoted('предназначен да помогне на хора със затруднени слух и зрение');
    const [video] = getArea('bg-sofia')!.videos!;
    quoted(video!.value);
    expect(video).toMatchObject({ href: 'https://www.sofia.bg/for-deaf-people', for: ['mobile-box'] });
    expect(video!.title.bg).toContain('слух и зрение');
    expect(Object.values(video!.title).join(' ')).not.toMatch(/жестов|sign language|жестов|ымдаш|ым тіл/i);
  });

  it('seed 004 line 107 pairs "За български граждани – форма 31-НС, за граждани на друга държава – членка на Европейския съюз – форма 30-ЕП": the data keeps the forms’ titles (lines 90–91) and says so', () => {
    quoted('За български граждани – форма 31-НС, за граждани на друга държава – членка на Европейския съюз – форма 30-ЕП');
    expect(ballotsFor(config, 'BG')).toEqual(['ep', 'ns']);
    expect(ballotsFor(config, 'EU')).toEqual(['ep']);
    expect(election.sourceNotes?.some((note) => note.startsWith('Line 107'))).toBe(true);
  });

  it('seed 004 line 116, "Столичната община организира 14 подвижни избирателни секции": a commission in the city of Sofia, undated because the source gives no day of the decision, and the data says so', () => {
    quoted('Столичната община организира 14 подвижни избирателни секции');
    const [sofiaArea] = config.areas.filter((area) => area.area === 'bg-sofia');
    expect(sofiaArea!.commissions).toEqual([{ settlement: 'sofia' }]);
    expect(election.sourceNotes?.some((note) => note.startsWith('Lines 113–116') && note.includes('appointedOn'))).toBe(true);
    // Undated, it counts from the first day of the late window (26 May 2024) to its last (3 June).
    const late = (day: string) => {
      const moment = receiptMoment(day, election.timeZone);
      const mobileCommission = commissionAppointed(sofiaArea!.commissions, 'sofia', election.timeZone, moment);
      return decideApplication(config, election, { citizenship: 'BG', ballots: ['ns'], settlement: { mobileCommission } }, moment);
    };
    expect([late('2024-05-26'), late('2024-06-03')]).toEqual([
      { ok: true, late: true },
      { ok: true, late: true },
    ]);
  });
});
