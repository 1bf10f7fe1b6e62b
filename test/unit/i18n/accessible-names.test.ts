import { describe, expect, it } from 'vitest';
import { dictionaries, LOCALES, t, type Locale, type PlainKey } from '#core/i18n';

// The accessible names built from a template: the Change button of each answer on "Check your
// answers" (site/components/mobile-box/Answers.astro) and the move and remove buttons of a route's
// stops (site/components/staff/sections/StopTable.astro, the remove confirmation). A screen reader
// must hear one phrase in each language, not a word glued to a label ("Өзгөртүү Шайлоочунун ЕГН…").
// The snapshot (__snapshots__/accessible-names.test.ts.snap) holds every name per locale; it was
// read through by hand once, and a change to a name shows up in review.

/**
 * Every label of an answer on "Check your answers": each can stand in a Change button's name. The
 * boxes to tick (the declaration, the power of attorney) are answered under a short label of their own.
 */
const TICKED = ['field.consent', 'field.declaration', 'field.powerOfAttorney'];
const fieldLabels = [
  ...Object.keys(dictionaries.en.mobileBox).filter((key) => key.startsWith('field.') && !TICKED.includes(key) && key !== 'field.reference'),
  'check.declaration',
  'check.powerOfAttorney',
].map((key) => `mobileBox.${key}` as PlainKey);

const changeNames = (locale: Locale) =>
  fieldLabels.map((key) => ({ label: t(locale, key), name: t(locale, 'mobileBox.check.changeName', { label: t(locale, key) }) }));
const STOP_KEYS = ['sections.stop.up', 'sections.stop.down', 'sections.stop.remove', 'sections.remove.submit'] as const;
const stopNames = (locale: Locale) => STOP_KEYS.flatMap((key) => [1, 2, 12].map((position) => ({ position, name: t(locale, key, { position }) })));

/** What a phrase must not show: a placeholder left over, doubled spaces or punctuation, a stray space before punctuation. */
const BROKEN = /[{}]|\s{2}|\s[,.:;!?]|^\s|\s$|([,.:;—–-])\s*\1/u;

/** The quotation marks each locale writes around a label. */
const QUOTES: Record<Locale, [open: string, close: string]> = { bg: ['„', '“'], en: ['“', '”'], ru: ['«', '»'], ky: ['«', '»'], kk: ['«', '»'] };

describe('accessible names built from a template', () => {
  it.each(LOCALES)('%s: each Change button reads as one phrase that quotes its label and holds the visible word', (locale) => {
    const visible = t(locale, 'mobileBox.check.change').toLocaleLowerCase(locale);
    const [open, close] = QUOTES[locale];
    for (const { label, name } of changeNames(locale)) {
      expect(name, name).not.toMatch(BROKEN);
      expect(name.split(label).length - 1, name).toBe(1);
      expect(name, name).toContain(`${open}${label}${close}`);
      expect(name.split(open).length, `one pair of quotation marks: ${name}`).toBe(2);
      expect(name.toLocaleLowerCase(locale), `WCAG 2.5.3 label in name: ${name}`).toContain(visible);
      // The old name glued the button's word to the label; that is what screen readers read badly.
      expect(name).not.toBe(`${t(locale, 'mobileBox.check.change')} ${label}`);
    }
  });

  it.each(LOCALES)('%s: each move and remove button of a stop reads as one phrase with its position once', (locale) => {
    for (const { position, name } of stopNames(locale)) {
      expect(name, name).not.toMatch(BROKEN);
      expect(name.match(new RegExp(`(?<!\\d)${position}(?!\\d)`, 'g')), name).toHaveLength(1);
    }
  });

  it.each(LOCALES)('%s: the names, as checked by hand once', (locale) => {
    expect({ change: changeNames(locale).map(({ name }) => name), stops: stopNames(locale).map(({ name }) => name) }).toMatchSnapshot();
  });
});
