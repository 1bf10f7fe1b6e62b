import { ABSENTEE_DECISIONS, carryElection, CURRENT_ADDRESS_DECISIONS, MOBILE_BOX_DECISIONS } from '#core/elections/checkers';
import { actionDeadline } from '#core/elections/deadlines';
import { electionTiming, type Election } from '#core/elections/schema';
import { dayUntil, label, onDay, t, type DayValue, type Locale, type PlainKey } from '#core/i18n';
import { campaignsOf } from '#functions/mobile-box/campaign';
import { mobileBoxPhone as mobileBoxPhoneOf } from '#functions/mobile-box/help';
import { escapeHtml } from './html';

type Option = 'yes' | 'no' | 'unknown';
interface Question {
  name: string;
  label: PlainKey;
  options: Option[];
}
interface CheckerDefinition {
  title: PlainKey;
  questions: Question[];
  /** Each answer the rules can give, worded for the page with the election's dates. */
  answers: (election: Election, locale: Locale) => [answer: string, text: string][];
}

const votingDay = (election: Election): DayValue | string => (election.votingDay ? onDay(election.votingDay) : '');
const deadlineDay = (election: Election, action: Parameters<typeof actionDeadline>[1]): DayValue => {
  const deadline = actionDeadline(election, action);
  return dayUntil(deadline.date, deadline.closesAt);
};
/**
 * Where the election's data says mobile commissions are appointed, by settlement and municipality
 * ("София (Столична община)"): said with the late answers, since the rule goes by settlement.
 */
const appointedIn = (election: Election, locale: Locale): string =>
  campaignsOf(election)
    .flatMap((campaign) =>
      campaign.commissions.flatMap((commission) => {
        const settlement = campaign.area.settlements.find((s) => s.id === commission.settlement);
        return settlement ? [`${settlement.name[locale]} (${campaign.area.name[locale]})`] : [];
      }),
    )
    .join(', ');

/** The phone for mobile-box questions of the election's area, as the area's data file gives it. */
const mobileBoxPhone = (election: Election) =>
  campaignsOf(election)
    .map((campaign) => mobileBoxPhoneOf(campaign)?.phone)
    .find(Boolean) ?? '';

/** The checkers a guide can embed with `{{checker:<id>}}`; rules live in functions/core/elections/checkers.ts. */
export const CHECKERS: Record<string, CheckerDefinition> = {
  'current-address': {
    title: 'guides.checker.currentAddress.title',
    questions: [{ name: 'differentSettlements', label: 'guides.checker.currentAddress.q', options: ['yes', 'no'] }],
    answers: (e, l) => {
      const vars = { votingDay: votingDay(e), deadline: deadlineDay(e, 'current-address-request') };
      return CURRENT_ADDRESS_DECISIONS.map((answer) => [answer, t(l, `guides.checker.currentAddress.${answer}`, vars)]);
    },
  },
  'mobile-box': {
    title: 'guides.checker.mobileBox.title',
    questions: [
      { name: 'cannotReachPollingRoom', label: 'guides.checker.mobileBox.q.cannotReach', options: ['yes', 'no'] },
      { name: 'mobileCommission', label: 'guides.checker.mobileBox.q.commission', options: ['yes', 'no', 'unknown'] },
    ],
    answers: (e, l) => {
      const vars = {
        votingDay: votingDay(e),
        deadline: deadlineDay(e, 'mobile-box-request'),
        late: deadlineDay(e, 'mobile-box-late-request'),
        phone: mobileBoxPhone(e),
      };
      const appointed = appointedIn(e, l);
      const where = appointed ? ` ${t(l, 'guides.checker.mobileBox.appointed', { settlements: appointed })}` : '';
      return MOBILE_BOX_DECISIONS.map((answer) => [
        answer,
        t(l, `guides.checker.mobileBox.${answer}`, vars) + (answer === 'late-ask-municipality' || answer === 'late-no-commission' ? where : ''),
      ]);
    },
  },
  absentee: {
    title: 'guides.checker.absentee.title',
    questions: [
      { name: 'lostCertificate', label: 'guides.checker.absentee.q.lost', options: ['yes', 'no'] },
      { name: 'sameSettlement', label: 'guides.checker.absentee.q.sameSettlement', options: ['yes', 'no'] },
    ],
    answers: (e, l) => {
      const window = actionDeadline(e, 'absentee-certificate');
      const vars = { votingDay: votingDay(e), opens: onDay(window.opens ?? window.date), closes: dayUntil(window.date, window.closesAt) };
      return ABSENTEE_DECISIONS.map((answer) => [answer, t(l, `guides.checker.absentee.${answer}`, vars)]);
    },
  },
};

const OPTION_KEYS: Record<Option, PlainKey> = { yes: 'guides.checker.yes', no: 'guides.checker.no', unknown: 'guides.checker.unknown' };

/**
 * A checker form. It ships hidden: the guide text states the rule, and the script in
 * site/scripts/checkers.ts reveals the form; site/scripts/checker-answer.ts answers from the
 * instants the form carries (carryElection(): worked out here, in the election's time zone).
 */
export function renderChecker(id: string, election: Election, locale: Locale): string {
  const checker = CHECKERS[id];
  if (!checker) throw new Error(`unknown checker "${id}"`);
  const titleId = `checker-${id}-title`;
  const fieldsets = checker.questions
    .map((question) => {
      const choices = question.options
        .map(
          (option) =>
            `<label class="choice"><input type="radio" name="${question.name}" value="${option}" required> ${escapeHtml(label(locale, OPTION_KEYS[option]))}</label>`,
        )
        .join('');
      return `<fieldset><legend>${escapeHtml(label(locale, question.label))}</legend><div class="choices">${choices}</div></fieldset>`;
    })
    .join('');
  const answers = checker
    .answers(election, locale)
    .map(([answer, text]) => `<template data-answer="${answer}"><p>${escapeHtml(text)}</p></template>`)
    .join('');
  return (
    `<form class="checker no-print" data-checker="${id}" data-instants="${escapeHtml(JSON.stringify(carryElection(electionTiming(election))))}" aria-labelledby="${titleId}" novalidate hidden>` +
    `<h3 id="${titleId}">${escapeHtml(label(locale, checker.title))}</h3>` +
    `<p>${escapeHtml(t(locale, 'guides.checker.intro'))}</p>` +
    fieldsets +
    `<p class="checker-error" hidden>${escapeHtml(t(locale, 'guides.checker.chooseAll'))}</p>` +
    `<button type="submit">${escapeHtml(t(locale, 'guides.checker.show'))}</button>` +
    `<div class="checker-answer" role="status" aria-live="polite"></div>` +
    answers +
    `</form>`
  );
}
