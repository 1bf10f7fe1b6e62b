import type { en } from './en';

export type MessageKey = keyof typeof en;
/** A locale's UI strings: exactly the English keys, each a string. */
export type Dictionary = { readonly [K in MessageKey]: string };
