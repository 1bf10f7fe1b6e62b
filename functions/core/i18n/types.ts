import type * as english from './messages/en';
import type { MessageValue } from './dates';
import type { Locale } from './locales';

/** The English dictionaries, namespace by namespace: the source of every key's type. */
export type English = typeof english;
export type Namespace = keyof English;

/** The plural categories each locale needs (CLDR; a unit test checks them against Intl.PluralRules). */
interface PluralCategories {
  bg: 'one' | 'other';
  en: 'one' | 'other';
  ru: 'one' | 'few' | 'many' | 'other';
  ky: 'one' | 'other';
  kk: 'one' | 'other';
}

/** A message whose words change with `{count}`: one text per plural category. */
export type PluralMessage<L extends Locale = Locale> = { readonly [C in PluralCategories[L]]: string };

/** What one locale must give for a namespace: every English key, a text or the locale's plural forms. */
export type Translation<N extends Namespace, L extends Locale> = {
  readonly [K in keyof English[N]]: English[N][K] extends string ? string : PluralMessage<L>;
};

/** Every key, written `<namespace>.<key>`. */
export type MessageKey = { [N in Namespace]: `${N}.${keyof English[N] & string}` }[Namespace];

type EnglishMessage<K> = K extends `${infer N}.${infer Rest}`
  ? N extends Namespace
    ? Rest extends keyof English[N]
      ? English[N][Rest]
      : never
    : never
  : never;

type Texts<M> = M extends string ? M : M[keyof M] & string;
/** A placeholder's name, without the grammatical case it may ask for (`{date, dative}` is `date`). */
type NameOf<P> = P extends `${infer Name},${string}` ? Name : P;
type Placeholders<S> = S extends `${string}{${infer Name}}${infer Rest}` ? NameOf<Name> | Placeholders<Rest> : never;

/** The placeholders a key's English text uses; plural messages always take `count`. */
export type PlaceholdersOf<K extends MessageKey> = Placeholders<Texts<EnglishMessage<K>>> | (EnglishMessage<K> extends string ? never : 'count');

/** The values `t()` needs for a key: none, or one for each placeholder (a day or a time as a value that the message puts in its case). */
export type VarsFor<K extends MessageKey> = [PlaceholdersOf<K>] extends [never] ? [] : [vars: Record<PlaceholdersOf<K>, MessageValue>];

/** Keys without placeholders: labels and other fixed texts that can be passed around as data. */
export type PlainKey = { [K in MessageKey]: [PlaceholdersOf<K>] extends [never] ? K : never }[MessageKey];

/** Keys whose message is one text (its placeholders left in, for a browser script to fill). */
export type TextKey = { [K in MessageKey]: EnglishMessage<K> extends string ? K : never }[MessageKey];
/** Keys whose message has plural forms. */
export type PluralKey = Exclude<MessageKey, TextKey>;
