/** The id of a mobile-box form field (and the target of the error summary's link). */
export const mobileBoxFieldId = (field: string) => `mb-${field.replace(/\./g, '-')}`;

/** Names of the form's repeated fields (checkbox groups). */
export const MOBILE_BOX_LISTS = ['ballots'] as const;

/** The fields in the order the form shows them: the error summary lists problems in this order. */
export const MOBILE_BOX_FIELD_ORDER = [
  'channel',
  'receivedOn',
  'incomingNumber',
  'ballots',
  'citizenship',
  'submittedBy',
  'idNumber',
  'fullName',
  'address.district',
  'address.settlement',
  'address.street',
  'address.number',
  'address.block',
  'address.entrance',
  'address.floor',
  'address.apartment',
  'phone',
  'email',
  'representative',
  'representative.fullName',
  'representative.idNumber',
  'representative.phone',
  'representative.powerOfAttorney',
  'declaration',
  'consent',
] as const;

/** Sorts summary lines by where their field is in the form; lines without a field come first. */
export function inFormOrder<T extends { field?: string | undefined }>(lines: readonly T[]): T[] {
  const position = (line: T) => (line.field ? (MOBILE_BOX_FIELD_ORDER as readonly string[]).indexOf(line.field) : -1);
  return [...lines].sort((a, b) => position(a) - position(b));
}
