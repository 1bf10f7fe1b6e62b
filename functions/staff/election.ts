import { mobileBoxElection } from '#functions/mobile-box/requests';

/** The election whose mobile-box requests and mobile sections the staff area serves: Sofia, 9 June 2024. */
export const STAFF_ELECTION_ID = 'bg-2024-06-09';

/** The staff area's election with its mobile-box configuration. */
export const staffElection = () => mobileBoxElection(STAFF_ELECTION_ID);
