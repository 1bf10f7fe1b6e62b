/**
 * English replies to a text message (functions/sms/replies.ts). Every other locale has exactly
 * these keys. Each reply must stay within 2 SMS segments in two languages with the longest real
 * address, so the texts are short: test/unit/sms/replies.test.ts measures them.
 */
export const sms = {
  'notFound.BG': 'This number is not in our data for this election. If it is right, check the voter list at your municipality.',
  'notFound.KG': 'This ПИН is not in our data.',
  'notFound.KZ': 'This ИИН is not in our data for this vote. Ask your precinct referendum commission.',
  'notFound.channels': 'Check the voter list:',
  mistyped: 'This {name} seems mistyped. Please send all {length} digits again.',
  whatToSend: 'To find your polling station, send your {name} ({length} digits).',
  whatToSendAny: 'To find your polling station, send your personal number: ЕГН or ЛНЧ (10 digits), ПИН (14) or ИИН (12).',
  limited: 'Too many messages. Please write again in a minute.',
  busy: 'Very many people are writing right now. Please try again in a few minutes.',
  unavailable: 'The service cannot answer right now. Please try again later.',
} as const;
