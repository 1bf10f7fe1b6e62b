/**
 * Valid inputs for every schema that validates a request at the edge, keyed by
 * `<method> <path> <target>` as the OpenAPI registry lists the routes (paths inside /api).
 * Queries, paths and headers carry strings only: that is what Hono hands the validator.
 */
import { VOTER } from '#test/shared/voter';

const REPRESENTED = {
  ...VOTER,
  ballots: ['ns'],
  address: { district: 'pancharevo', settlement: 'lozen', street: 'ул. Шипка', number: '6' },
  email: '',
  submittedBy: 'representative',
  representative: { fullName: 'Иван Петров', idNumber: '1234567893', phone: '+359 2 123 4567', powerOfAttorney: 'true' },
};
// A citizen of another EU state, with an ЛНЧ (vector checked by hand in personal-numbers.test.ts).
const EU_CITIZEN = { ...VOTER, citizenship: 'EU', idNumber: '9876543217', ballots: ['ep'], lang: 'en' };

const CSRF = [{}, { 'x-csrf-token': 'c2VjcmV0LXRva2Vu' }];
const SECTION = [{ id: '1' }, { id: '42' }];
const STOP = [{ id: '1', stopId: '7' }];

export const EDGE_EXAMPLES: Record<string, readonly unknown[]> = {
  'post /lookup json': [
    { country: 'BG', idNumber: '8912315676' },
    { country: 'KZ', idNumber: '870412300416', election: 'kz-2024-03-17', lang: 'kk' },
    { country: 'KG', idNumber: '2 0101 1990 00123', lang: 'ky', turnstileToken: 'XXXX.DUMMY.TOKEN' },
  ],
  'post /stations/search json': [
    { country: 'BG', settlement: 'София', street: 'бул. Витоша', number: '17' },
    { country: 'KG', settlement: 'Бишкек', street: '', number: '' },
  ],
  'post /stations/near json': [
    { lat: 42.698, lon: 23.322 },
    { lat: '42.7', lon: '23.3', limit: '3', country: 'BG', lang: 'ru' },
  ],
  'get /stations/settlements query': [{ country: 'BG', q: 'Соф' }, { country: 'KZ' }],
  'get /stations/streets query': [{ country: 'BG', settlement: 'София', q: 'Вит' }],
  'get /stations/{id} param': SECTION,
  'post /stations/{id}/reports param': SECTION,
  'post /stations/{id}/reports json': [
    { kind: 'access', details: 'Стъпала без рампа при входа.', contact: 'a@example.org', lang: 'bg' },
    { kind: 'other', details: 'x' },
  ],
  'post /mobile-box-requests header': [{}, { 'idempotency-key': '0b6c4e0e-2f7a-4c1e-9d1b-7f0c5d8e9a10' }],
  'post /mobile-box-requests json': [VOTER, REPRESENTED, EU_CITIZEN],
  'post /mobile-box-requests/status json': [
    { reference: 'K7M2P-Q9RTX', idNumber: '8912315676' },
    { reference: 'k7m2p q9rtx', idNumber: '891231 5676', lang: 'bg' },
  ],
  'get /mobile-box-requests/districts query': [{ election: 'bg-2024-06-09' }, { election: 'bg-2024-06-09', lang: 'ky' }],
  'post /admin/session json': [
    { email: 'mladost@example.org', password: 'correct horse battery staple' },
    { email: 'city@example.org', password: 'correct horse battery staple', turnstileToken: 'XXXX.DUMMY.TOKEN' },
  ],
  'post /admin/session/totp/setup json': [{}],
  'post /admin/session/totp json': [{ code: '123456' }, { code: ' 123 456 ' }],
  'post /admin/session/recovery json': [{ code: 'ABCDE-FGHJK' }, { code: 'abcde fghjk' }],
  'post /admin/session/passkey/registration/options json': [{}],
  'post /admin/session/passkey/registration json': [
    {
      response: {
        id: 'AbC_d-e',
        rawId: 'AbC_d-e',
        type: 'public-key',
        response: { clientDataJSON: 'eyJ0eXBlIjoi', attestationObject: 'o2NmbXRkbm9uZQ', transports: ['internal', 'hybrid'] },
        clientExtensionResults: {},
        authenticatorAttachment: 'platform',
      },
    },
  ],
  'post /admin/session/passkey/options json': [{}],
  'post /admin/session/passkey json': [
    {
      response: {
        id: 'AbC_d-e',
        rawId: 'AbC_d-e',
        type: 'public-key',
        response: { clientDataJSON: 'eyJ0eXBlIjoi', authenticatorData: 'SZYN5YgO', signature: 'MEUCIQ', userHandle: 'dm90ZXI' },
        clientExtensionResults: {},
      },
    },
  ],
  'delete /admin/sessions/{id} param': [{ id: 'aBcDeFgHiJkLmNoP' }, { id: 'Zz09_-AbCdEfGhIj' }],
  'delete /admin/sessions/{id} header': CSRF,
  'post /admin/accounts/sign-out header': CSRF,
  'post /admin/accounts/sign-out json': [{ email: 'lyulin@example.org' }],
  'delete /admin/session header': CSRF,
  'get /admin/audit query': [{}, { from: '2024-05-20', to: '2024-06-09' }],
  'post /admin/requests header': CSRF,
  'post /admin/requests json': [
    { ...VOTER, channel: 'post', receivedOn: '2024-05-25', incomingNumber: '94-00-123' },
    { ...REPRESENTED, channel: 'edelivery', receivedOn: '2024-05-20', incomingNumber: 'РЛЗ-7' },
  ],
  'get /admin/requests query': [{}, { ballot: 'ep', status: 'accepted' }, { election: 'bg-2024-06-09' }],
  'get /admin/summary query': [{}, { election: 'bg-2024-06-09' }],
  'get /admin/sections query': [{}, { election: 'bg-2024-06-09' }],
  'get /admin/routes.zip query': [{}, { election: 'bg-2024-06-09' }],
  'get /admin/requests/{id} param': SECTION,
  'post /admin/requests/{id}/decision param': SECTION,
  'post /admin/requests/{id}/decision header': CSRF,
  'post /admin/requests/{id}/decision json': [{ decision: 'accept' }, { decision: 'reject', reason: 'The address is outside Sofia.' }],
  'get /admin/requests/{id}/pair param': SECTION,
  'post /admin/requests/{id}/pair param': SECTION,
  'post /admin/requests/{id}/pair header': CSRF,
  'post /admin/requests/{id}/pair json': [
    { resolution: 'keep_first' },
    { resolution: 'merge', take: ['phone', 'address'] },
    { resolution: 'reject_repeat', reason: 'Made in the voter’s name without the voter’s knowledge.' },
  ],
  'get /admin/sections/{id} param': SECTION,
  'patch /admin/sections/{id} param': SECTION,
  'patch /admin/sections/{id} header': CSRF,
  'patch /admin/sections/{id} json': [
    { number: '234600101', baseAddress: 'ул. Шипка 6', location: { lat: 42.69, lon: 23.33 } },
    { number: null, location: null },
    {},
  ],
  'post /admin/sections/{id}/stops param': SECTION,
  'post /admin/sections/{id}/stops header': CSRF,
  'post /admin/sections/{id}/stops json': [{ requestIds: [1, 2, 3] }],
  'delete /admin/sections/{id}/stops/{stopId} param': STOP,
  'delete /admin/sections/{id}/stops/{stopId} header': CSRF,
  'put /admin/sections/{id}/stops/{stopId}/location param': STOP,
  'put /admin/sections/{id}/stops/{stopId}/location header': CSRF,
  'put /admin/sections/{id}/stops/{stopId}/location json': [{ location: { lat: 42.65, lon: 23.38 } }, { location: null }],
  'put /admin/sections/{id}/order param': SECTION,
  'put /admin/sections/{id}/order header': CSRF,
  'put /admin/sections/{id}/order json': [{ stopIds: [3, 1, 2] }, { automatic: true }, { stopIds: [] }],
  'post /admin/sections/{id}/handover param': SECTION,
  'post /admin/sections/{id}/handover header': CSRF,
  'post /admin/sections/{id}/handover json': [{}],
  'get /admin/sections/{id}/route.csv param': SECTION,
  'get /admin/sections/{id}/route.xlsx param': SECTION,
  'get /admin/sections/{id}/route.geojson param': SECTION,
  'get /admin/sections/{id}/route.gpx param': SECTION,
  'put /admin/constituencies/{district} param': [{ district: 'lozenets' }],
  'put /admin/constituencies/{district} header': CSRF,
  'put /admin/constituencies/{district} query': [{}, { election: 'bg-2024-06-09' }],
  'put /admin/constituencies/{district} json': [{ constituency: '23' }, { constituency: ' 24 ' }],
  // Twilio's inbound-message webhook: a form of strings, signed in a header.
  'post /sms/inbound header': [{ 'x-twilio-signature': 'GvWf1cFY/Q7PnoempGyD5oXAezc=' }],
  'post /sms/inbound form': [
    { MessageSid: 'SM0123456789abcdef0123456789abcdef', From: '+996555123456', To: '119', Body: 'ПИН 21203198701310' },
    {
      MessageSid: 'SM0123456789abcdef0123456789abcdef',
      AccountSid: 'AC0123456789abcdef0123456789abcdef',
      From: '+77011234567',
      To: '+77000000000',
      Body: '',
      FromCountry: 'KZ',
      ToCountry: 'KZ',
      NumMedia: '0',
    },
  ],
};

/** The same applications as a form posts them: strings, repeated checkboxes, dotted names. */
export const FORM_EXAMPLES = {
  mobileBox: [
    ['election', 'bg-2024-06-09'],
    ['ballots', 'ep'],
    ['ballots', 'ns'],
    ['citizenship', 'BG'],
    ['idNumber', '8912315676'],
    ['fullName', 'Мария Иванова Петрова'],
    ['address.district', 'mladost'],
    ['address.street', 'ж.к. Младост 1'],
    ['address.number', ''],
    ['address.block', '12'],
    ['phone', '0888 123 456'],
    ['email', ''],
    ['submittedBy', 'self'],
    ['representative.fullName', ''],
    ['representative.idNumber', ''],
    ['representative.phone', ''],
    ['declaration', 'on'],
    ['consent', 'on'],
  ],
} as const;
