import { findDeadline } from '../../functions/elections/deadlines';
import { electionTiming, type Election } from '../../functions/elections/schema';
import type { Locale } from '../../functions/platform/locale';
import { t, type MessageKey } from '../i18n';
import { formatDay, formatDayUntil } from '../i18n/dates';
import { escapeHtml } from './html';

type Option = 'yes' | 'no' | 'unknown';
interface Question {
  name: string;
  label: MessageKey;
  options: Option[];
}
interface CheckerDefinition {
  prefix: 'checker.currentAddress' | 'checker.mobileBox' | 'checker.absentee';
  questions: Question[];
  answers: string[];
  /** Dates the answers quote, formatted for the page. */
  vars: (election: Election, locale: Locale) => Record<string, string>;
}

const votingDay = (election: Election, locale: Locale) => (election.votingDay ? formatDay(locale, election.votingDay) : '');
const deadlineDay = (election: Election, id: string, locale: Locale) => {
  const deadline = findDeadline(election, id);
  return formatDayUntil(locale, deadline.date, deadline.closesAt);
};

/** The checkers a guide can embed with `{{checker:<id>}}`; rules live in functions/elections/checkers.ts. */
export const CHECKERS: Record<string, CheckerDefinition> = {
  'current-address': {
    prefix: 'checker.currentAddress',
    questions: [{ name: 'differentSettlements', label: 'checker.currentAddress.q', options: ['yes', 'no'] }],
    answers: ['election-over', 'same-settlement', 'apply-by-deadline', 'deadline-passed'],
    vars: (e, l) => ({ votingDay: votingDay(e, l), deadline: deadlineDay(e, 'current-address-request', l) }),
  },
  'mobile-box': {
    prefix: 'checker.mobileBox',
    questions: [
      { name: 'cannotReachPollingRoom', label: 'checker.mobileBox.q.cannotReach', options: ['yes', 'no'] },
      { name: 'mobileCommission', label: 'checker.mobileBox.q.commission', options: ['yes', 'no', 'unknown'] },
    ],
    answers: ['election-over', 'not-needed', 'apply-by-deadline', 'late-with-commission', 'late-ask-municipality', 'late-no-commission', 'too-late'],
    vars: (e, l) => ({
      votingDay: votingDay(e, l),
      deadline: deadlineDay(e, 'mobile-box-request', l),
      late: deadlineDay(e, 'mobile-box-late-request', l),
    }),
  },
  absentee: {
    prefix: 'checker.absentee',
    questions: [
      { name: 'lostCertificate', label: 'checker.absentee.q.lost', options: ['yes', 'no'] },
      { name: 'sameSettlement', label: 'checker.absentee.q.sameSettlement', options: ['yes', 'no'] },
    ],
    answers: ['election-over', 'lost-not-replaced', 'same-settlement', 'not-yet', 'apply-now', 'window-closed'],
    vars: (e, l) => {
      const window = findDeadline(e, 'absentee-certificates');
      return {
        votingDay: votingDay(e, l),
        opens: formatDay(l, window.opens ?? window.date),
        closes: formatDayUntil(l, window.date, window.closesAt),
      };
    },
  },
};

const OPTION_KEYS: Record<Option, MessageKey> = { yes: 'checker.yes', no: 'checker.no', unknown: 'checker.unknown' };

/**
 * A checker form. It ships hidden: the guide text states the rule, and the script in
 * site/scripts/checkers.ts reveals the form and answers from the election's dates.
 */
export function renderChecker(id: string, election: Election, locale: Locale): string {
  const checker = CHECKERS[id];
  if (!checker) throw new Error(`unknown checker "${id}"`);
  const titleId = `checker-${id}-title`;
  const vars = checker.vars(election, locale);
  const fieldsets = checker.questions
    .map((question) => {
      const choices = question.options
        .map(
          (option) =>
            `<label class="choice"><input type="radio" name="${question.name}" value="${option}" required> ${escapeHtml(t(locale, OPTION_KEYS[option]))}</label>`,
        )
        .join('');
      return `<fieldset><legend>${escapeHtml(t(locale, question.label))}</legend><div class="choices">${choices}</div></fieldset>`;
    })
    .join('');
  const answers = checker.answers
    .map((answer) => `<template data-answer="${answer}"><p>${escapeHtml(t(locale, `${checker.prefix}.${answer}` as MessageKey, vars))}</p></template>`)
    .join('');
  return (
    `<form class="checker no-print" data-checker="${id}" data-timing="${escapeHtml(JSON.stringify(electionTiming(election)))}" aria-labelledby="${titleId}" novalidate hidden>` +
    `<h3 id="${titleId}">${escapeHtml(t(locale, `${checker.prefix}.title` as MessageKey))}</h3>` +
    `<p>${escapeHtml(t(locale, 'checker.intro'))}</p>` +
    fieldsets +
    `<p class="checker-error" hidden>${escapeHtml(t(locale, 'checker.chooseAll'))}</p>` +
    `<button type="submit">${escapeHtml(t(locale, 'checker.show'))}</button>` +
    `<div class="checker-answer" role="status" aria-live="polite"></div>` +
    answers +
    `</form>`
  );
}
