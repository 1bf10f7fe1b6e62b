import { refusals } from '#core/errors';

/** Why a review decision is refused; the words are `errors.<code>` in the dictionaries. */
export const { codes: STAFF_REFUSALS, refuse } = refusals({
  already_assigned: { status: 409, when: 'the request is already on a route' },
});
