/** Escapes text for HTML element content and double-quoted attributes. */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

const CALLING_CODES = { bg: '359', kg: '996', kz: '7' } as const;

/**
 * A `tel:` URI in international form for a number written the local way.
 *
 * @example telHref('(0312) 66-02-86', 'kg') // 'tel:+996312660286'
 */
export function telHref(number: string, country: keyof typeof CALLING_CODES): string {
  const trimmed = number.trim();
  const digits = trimmed.replace(/\D/g, '');
  if (trimmed.startsWith('+')) return `tel:+${digits}`;
  if (digits.startsWith('0')) return `tel:+${CALLING_CODES[country]}${digits.slice(1)}`;
  return `tel:${digits}`;
}
