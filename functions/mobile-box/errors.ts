import { refusals } from '#core/errors';

/** Why a mobile-box application or its retry is refused; the words are `errors.<code>` in the dictionaries. */
export const { codes: MOBILE_BOX_REFUSALS, refuse } = refusals({
  deadline_passed: { status: 422, when: 'both application deadlines have passed' },
  no_mobile_commission: { status: 422, when: 'a late application from a settlement where no mobile commission is appointed' },
  not_eligible: { status: 422, when: 'a ballot the voter’s citizenship may not ask for' },
  idempotency_key_reused: { status: 422, when: 'an `Idempotency-Key` sent again with another body' },
});
