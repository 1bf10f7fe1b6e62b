/** A message in plural forms, as the dictionaries hold it. */
export type PluralForms = { readonly other: string } & Readonly<Partial<Record<Intl.LDMLPluralRule, string>>>;

const rules = new Map<string, Intl.PluralRules>();

/**
 * The form of a plural message for a count, by the locale's CLDR rules. Falls back to
 * `other` when the runtime lacks the locale's rules (some browsers ship trimmed ICU data).
 *
 * @example pluralForm('ru', { one: '…участок', few: '…участка', many: '…участков', other: '…участка' }, 5) // '…участков'
 */
export function pluralForm(locale: string, forms: PluralForms, count: number): string {
  let rule = rules.get(locale);
  if (!rule) {
    rule = new Intl.PluralRules(locale);
    rules.set(locale, rule);
  }
  return forms[rule.select(count)] ?? forms.other;
}

/**
 * Fills `{name}` placeholders; an unknown name stays visible so a test can catch it. A value
 * that ends in a full stop of its own (Bulgarian and Russian dates end in "г.", hours in "ч.")
 * takes the place of the sentence's full stop right after it instead of doubling it. A
 * placeholder may name a grammatical case (`{date, dative}`); `write` gets it with the value
 * (without a writer, a browser script's case is ignored and the value written as it is).
 *
 * @example fill('Сверено на {date}.', { date: '2 декември 2026 г.' }) // 'Сверено на 2 декември 2026 г.'
 */
export function fill<V = string | number>(
  template: string,
  vars: Readonly<Record<string, V>>,
  write: (value: V, grammaticalCase?: string) => string = (value) => String(value),
): string {
  return template.replace(/\{(\w+)(?:, ?(\w+))?\}(\.?)/g, (match, name: string, grammaticalCase: string | undefined, stop: string) => {
    if (!(name in vars)) return match;
    const value = write(vars[name] as V, grammaticalCase);
    return stop && value.endsWith('.') ? value : value + stop;
  });
}
