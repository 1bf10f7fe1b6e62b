import { refusals } from '#core/errors';

/** Why a review decision or a change in the staff area is refused; the words are `errors.<code>` in the dictionaries. */
export const { codes: STAFF_REFUSALS, refuse } = refusals({
  already_assigned: { status: 409, when: 'the request is already on a route' },
  election_closed: { status: 409, when: 'the election is past its route hand-over deadline: it can be read, not changed' },
});
