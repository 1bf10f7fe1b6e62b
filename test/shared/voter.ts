/**
 * A valid mobile-box application (Младост, both ballots), shared by the API tests and the
 * property tests. Invented person; the personal number has a valid check digit.
 */
export const VOTER = {
  election: 'bg-2024-06-09',
  ballots: ['ep', 'ns'],
  citizenship: 'BG',
  idNumber: '8912315676',
  fullName: 'Мария Иванова Петрова',
  address: { district: 'mladost', street: 'ж.к. Младост 1', block: '12', entrance: 'А', floor: '3', apartment: '9' },
  phone: '0888 123 456',
  email: 'maria.petrova@example.org',
  submittedBy: 'self',
  declaration: true,
  consent: true,
};
