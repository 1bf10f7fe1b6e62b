/** English strings for "report a problem with this answer". Every other locale has exactly these keys. */
export const reports = {
  'field.kind': 'What is wrong',
  title: 'Report a problem with this answer',
  description: 'Tell us when a polling-station answer looks wrong, so that we can check it against the official lists.',
  'kind.wrong_address': 'The address is wrong',
  'kind.closed_or_moved': 'The station is closed or has moved',
  'kind.access': 'The access information is wrong',
  'kind.wrong_station': 'I am assigned to another station',
  'kind.other': 'Something else',
  details: 'What is wrong?',
  noPersonalNumber: 'Do not write your personal number here. What you write is encrypted and deleted after 90 days.',
  contact: 'How can we reach you? (optional)',
  contactHint: 'Only if you want an answer. It is encrypted and deleted after 90 days.',
  submit: 'Send the report',
  thanks: 'Thank you. Your report (reference {id}) has reached the staff who keep the station list.',
} as const;
