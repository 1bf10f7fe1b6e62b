import { refusals } from '#core/errors';

/** Why a change to a route or a list download is refused; the words are `errors.<code>` in the dictionaries. */
export const { codes: SECTIONS_REFUSALS, refuse } = refusals({
  not_accepted: { status: 409, when: 'registering a request that is not accepted' },
  on_another_route: { status: 409, when: 'the voter is on another route' },
  not_this_section: { status: 409, when: 'the voter may not be registered on this section' },
  transfer_closed: { status: 409, when: 'another district’s voter after the transfer deadline' },
  no_coordinates: { status: 409, when: 'a map file without coordinates' },
  constituency_unknown: { status: 409, when: 'a voter of a district without a section whose constituency (МИР) nobody has set yet' },
  constituency_fixed: {
    status: 409,
    when: 'changing a district’s constituency (МИР) that the data gives, or whose voters are already on a route',
  },
  not_handed_over: { status: 409, when: 'the police preparing a route the district has not handed over yet' },
});
