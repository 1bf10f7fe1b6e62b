import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, real, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { COUNTRIES } from '#core/countries';

/** The country a row belongs to, one of the service's countries. */
const countryColumn = () => text('country', { enum: COUNTRIES }).notNull();

/**
 * Facts about the database itself: which demo dataset is loaded, and the fingerprint of the
 * LOOKUP_KEY the register was hashed with (an HMAC of a fixed label, never the key).
 */
export const appMeta = sqliteTable('app_meta', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
  updatedAt: text('updated_at').notNull(),
});

/**
 * Polling stations of one election. The official number is the natural key within its
 * country and election (Bulgaria's 9-digit section code, a Kyrgyz or Kazakh precinct number).
 */
export const stations = sqliteTable(
  'stations',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    country: countryColumn(),
    electionId: text('election_id').notNull(),
    number: text('number').notNull(),
    name: text('name').notNull(),
    address: text('address').notNull(),
    settlement: text('settlement').notNull(),
    settlementKey: text('settlement_key').notNull(),
    /**
     * The Latin search key of the settlement (functions/core/lookup/search-key.ts), which address
     * search and suggestions compare. Rows loaded before migration 0007 hold `settlement_key`
     * here until the next import; the default only lets that migration add the column.
     */
    settlementSearchKey: text('settlement_search_key').notNull().default(''),
    district: text('district').notNull(),
    constituency: text('constituency').notNull(),
    lat: real('lat'),
    lon: real('lon'),
    /** null when nobody has checked. */
    stepFree: integer('step_free', { mode: 'boolean' }),
    mobile: integer('mobile', { mode: 'boolean' }).notNull().default(false),
    /** The file the row came from, for staff who need to trace a value. */
    source: text('source').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [
    uniqueIndex('stations_natural_key').on(t.country, t.electionId, t.number),
    index('stations_settlement_search').on(t.country, t.electionId, t.settlementSearchKey),
    index('stations_position').on(t.country, t.lat, t.lon),
    // "Near me" is scoped to elections, not to a country.
    index('stations_election_position').on(t.electionId, t.lat, t.lon),
  ],
);

/**
 * The settlement names of an election's stations, once per name and search key, for the
 * settlement suggestions: a prefix of the key reads a few rows here instead of every station of
 * the settlements that match. Kept by triggers on `stations` (migration 0008), so every writer
 * of stations (the importer, the demo, the tests) keeps it right without knowing it exists.
 */
export const settlementNames = sqliteTable(
  'settlement_names',
  {
    country: countryColumn(),
    electionId: text('election_id').notNull(),
    searchKey: text('search_key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.electionId, t.searchKey, t.name] })],
);

/**
 * House-number ranges of a street that vote at a station. `parity` says whether the range
 * covers all, odd or even numbers from `fromNumber` to `toNumber` inclusive. Each import of an
 * election's ranges writes a new `generation`; queries read only the active one
 * (`import_generations`), so an import that fails half-way leaves the previous answers.
 */
export const addressRanges = sqliteTable(
  'address_ranges',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    generation: integer('generation').notNull().default(0),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    country: countryColumn(),
    electionId: text('election_id').notNull(),
    settlementKey: text('settlement_key').notNull(),
    street: text('street').notNull(),
    streetKey: text('street_key').notNull(),
    /** Latin search keys of the settlement and the street, as on `stations` (set by the importer). */
    settlementSearchKey: text('settlement_search_key').notNull().default(''),
    streetSearchKey: text('street_search_key').notNull().default(''),
    fromNumber: integer('from_number').notNull(),
    toNumber: integer('to_number').notNull(),
    parity: text('parity', { enum: ['all', 'odd', 'even'] }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [
    uniqueIndex('address_ranges_natural_key').on(t.country, t.electionId, t.generation, t.settlementKey, t.streetKey, t.fromNumber, t.toNumber, t.parity),
    index('address_ranges_street_search').on(t.country, t.electionId, t.generation, t.settlementSearchKey, t.streetSearchKey),
  ],
);

/**
 * The street names of each settlement in each generation of an election's address ranges, once
 * per name and search key, for the street suggestions: they read a settlement's streets here,
 * not every house-number range of them. Kept by triggers on `address_ranges` (migration 0009),
 * so every writer of ranges (the importer, the demo, the tests) keeps it right.
 */
export const streetNames = sqliteTable(
  'street_names',
  {
    country: countryColumn(),
    electionId: text('election_id').notNull(),
    generation: integer('generation').notNull(),
    settlementSearchKey: text('settlement_search_key').notNull(),
    searchKey: text('search_key').notNull(),
    name: text('name').notNull(),
  },
  (t) => [primaryKey({ columns: [t.country, t.electionId, t.generation, t.settlementSearchKey, t.searchKey, t.name] })],
);

/**
 * Which station a voter is registered at. The personal number is never stored: only
 * HMAC-SHA-256 of it under the LOOKUP_KEY secret, so the table is useless without the key.
 * The migrations make it WITHOUT ROWID (drizzle cannot say so): a lookup is one B-tree
 * search on the primary key, which matters at millions of rows. Like the ranges, each import
 * writes a new generation and switches to it in one statement at the end.
 */
export const registerEntries = sqliteTable(
  'register_entries',
  {
    electionId: text('election_id').notNull(),
    generation: integer('generation').notNull().default(0),
    idHash: text('id_hash').notNull(),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.generation, t.idHash] })],
);

/** The generation of an election's register and ranges that answers; the importer switches it in one statement. */
export const importGenerations = sqliteTable(
  'import_generations',
  {
    electionId: text('election_id').notNull(),
    dataset: text('dataset', { enum: ['register', 'ranges'] }).notNull(),
    active: integer('active').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.dataset] })],
);

/**
 * "Report a problem with this answer": what is wrong, never a personal number. The details
 * and the contact are AES-GCM encrypted under DATA_KEY with the report's `recordKey` as
 * associated data (people describe their own access needs in the details). `details` holds
 * plaintext only in rows written before encryption; `npm run rekey` seals those too.
 */
export const stationReports = sqliteTable(
  'station_reports',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    stationId: integer('station_id')
      .notNull()
      .references(() => stations.id, { onDelete: 'cascade' }),
    kind: text('kind', { enum: ['wrong_address', 'closed_or_moved', 'access', 'wrong_station', 'other'] }).notNull(),
    details: text('details'),
    detailsSealed: text('details_sealed'),
    /** AES-GCM ciphertext of the optional contact, deleted with the report. */
    contactSealed: text('contact_sealed'),
    /** A random id bound into the ciphertexts, so a sealed value cannot be moved to another report. */
    recordKey: text('record_key'),
    locale: text('locale').notNull(),
    createdAt: text('created_at').notNull().default(sql`(strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))`),
    /** Reports (and any contact in them) are deleted after this moment. */
    expiresAt: text('expires_at').notNull(),
  },
  (t) => [
    index('station_reports_station').on(t.stationId),
    index('station_reports_expiry').on(t.expiresAt),
    uniqueIndex('station_reports_record_key').on(t.recordKey),
  ],
);

/**
 * Personal-number lookups counted by day, outcome and channel (`web`: the site and the JSON API;
 * `sms`: text messages), for staff; never a number, hash, phone number or address.
 */
export const lookupOutcomes = sqliteTable(
  'lookup_outcomes',
  {
    day: text('day').notNull(),
    outcome: text('outcome', { enum: ['found', 'not_found', 'invalid', 'limited'] }).notNull(),
    channel: text('channel', { enum: ['web', 'sms'] })
      .notNull()
      .default('web'),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.outcome, t.channel] })],
);

/**
 * Requests to vote with a mobile ballot box: one row per ballot. Everything personal is sealed
 * under DATA_KEY with the row's `recordKey` as associated data (the person: number, name,
 * address, phone, e-mail; the representative); the number is also kept as an HMAC (`idHash`)
 * so a repeated application for the same ballot is linked to the earlier one (`repeatOf`), and
 * the status page can find a request by reference and number. `district` stays in clear: staff
 * are organised by district and the counts kept after retention are per district.
 */
export const mobileBoxRequests = sqliteTable(
  'mobile_box_requests',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    electionId: text('election_id').notNull(),
    /** A ballot id of the election (content/elections/<id>.json `mobileBox.ballots`), checked against the data when stored. */
    ballot: text('ballot').notNull(),
    reference: text('reference').notNull(),
    idHash: text('id_hash').notNull(),
    district: text('district').notNull(),
    /**
     * The settlement of the address (content/areas/<id>.json `settlements`), in clear like the
     * district: late applications and the ten-application threshold go by settlement. Null for
     * requests made before it was asked: the area's main settlement.
     */
    settlement: text('settlement'),
    citizenship: text('citizenship', { enum: ['BG', 'EU'] }).notNull(),
    submittedBy: text('submitted_by', { enum: ['self', 'representative'] }).notNull(),
    channel: text('channel', { enum: ['online', 'paper', 'post', 'fax', 'email', 'edelivery'] })
      .notNull()
      .default('online'),
    late: integer('late', { mode: 'boolean' }).notNull(),
    status: text('status', { enum: ['received', 'accepted', 'rejected', 'assigned'] })
      .notNull()
      .default('received'),
    recordKey: text('record_key').notNull(),
    personSealed: text('person_sealed').notNull(),
    representativeSealed: text('representative_sealed'),
    /** Why staff rejected it (sealed: it may mention health). */
    reasonSealed: text('reason_sealed'),
    /** The mobile section that will visit, once assigned: its number, or its district and МИР until it is numbered. */
    section: text('section'),
    /** The route stop (route_stops.id) once registered on a mobile section's route. */
    stopId: integer('stop_id'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
    /**
     * The date of receipt (an ISO day in the election's time zone): the day of an online
     * submission, or the day the administration received a paper one (which may be before staff
     * typed it in, `createdAt`). The rules, the ten-application threshold and the status page go by
     * it. Null only in rows written before migration 0012: `receivedAt()` then reads `createdAt`.
     */
    receivedOn: text('received_on'),
    /** The administration's incoming number (входящ номер) of an application entered by staff; not personal. */
    incomingNumber: text('incoming_number'),
    /** Entered by staff after the route list of its district's mobile section had been sent to the police. */
    enteredAfterHandover: integer('entered_after_handover', { mode: 'boolean' }).notNull().default(false),
    /** The day after which the personal data is deleted (voting day + the election's retention). */
    purgeAfter: text('purge_after').notNull(),
    /**
     * The earlier application of the same person (by number HMAC) for the same election and
     * ballot, in the same area, decided inside the INSERT (functions/mobile-box/repeats.ts): staff
     * resolve the pair (functions/staff/pairs.ts).
     */
    repeatOf: integer('repeat_of'),
    /** An HMAC under DATA_KEY of the whole submission for this ballot (every field), to fold identical repeats; never the values. */
    fingerprint: text('fingerprint'),
    /** A closed application: its reference answers as this one (always an application that is not closed itself). */
    mergedInto: integer('merged_into'),
    /**
     * Why it is closed: `folded` (an identical repeat of an application still received),
     * `superseded` (staff kept the other of its pair), `merged` (its details went to the other),
     * `rejected` (rejected when its pair was resolved). Closed applications are never counted.
     */
    closedAs: text('closed_as', { enum: ['folded', 'superseded', 'merged', 'rejected'] }),
    /** When staff resolved the pair this repeat belongs to (who: the audit log). */
    resolvedAt: text('resolved_at'),
  },
  (t) => [
    uniqueIndex('mobile_box_requests_reference').on(t.reference),
    index('mobile_box_requests_person').on(t.electionId, t.ballot, t.idHash),
    index('mobile_box_requests_fingerprint').on(t.fingerprint),
    index('mobile_box_requests_merged_into').on(t.mergedInto),
    index('mobile_box_requests_repeat_of').on(t.repeatOf),
    index('mobile_box_requests_district').on(t.electionId, t.district, t.ballot),
    index('mobile_box_requests_settlement').on(t.electionId, t.settlement, t.ballot),
    index('mobile_box_requests_purge').on(t.purgeAfter),
  ],
);

/** What is kept of mobile-box requests after their personal data is deleted: counts per district, ballot and status. */
export const mobileBoxCounts = sqliteTable(
  'mobile_box_counts',
  {
    electionId: text('election_id').notNull(),
    district: text('district').notNull(),
    ballot: text('ballot').notNull(),
    status: text('status', { enum: ['received', 'accepted', 'rejected', 'assigned'] }).notNull(),
    count: integer('count').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.district, t.ballot, t.status] })],
);

/**
 * `Idempotency-Key`s of submissions: the first request that claims a key (`owner`) does the
 * work and stores its answer; a retry gets the same answer, a different body with the same key
 * is refused. Kept a day.
 */
export const idempotencyKeys = sqliteTable('idempotency_keys', {
  keyHash: text('key_hash').primaryKey(),
  owner: text('owner').notNull(),
  requestHash: text('request_hash').notNull(),
  status: integer('status'),
  body: text('body'),
  expiresAt: text('expires_at').notNull(),
});

/** Staff accounts: district administrations (one district), the city, and the police (read only). */
export const staffUsers = sqliteTable(
  'staff_users',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    /** Lower-cased. */
    email: text('email').notNull(),
    role: text('role', { enum: ['district', 'city', 'police'] }).notNull(),
    /** The area (content/areas/<id>.json) the account serves; null for accounts made before areas existed (see functions/staff/accounts.ts). */
    area: text('area'),
    /** The district id within the area, for the `district` role. */
    district: text('district'),
    /** `pbkdf2-sha256-peppered$<iterations>$<salt>$<hash>`, or an older unpeppered `pbkdf2-sha256$…` rehashed at the next sign-in (functions/staff/passwords.ts). */
    passwordHash: text('password_hash').notNull(),
    disabledAt: text('disabled_at'),
    /** The TOTP secret (RFC 6238), sealed under DATA_KEY; null until the account enrols one. */
    totpSealed: text('totp_sealed'),
    /** The last TOTP time step accepted: a code is never accepted twice. */
    totpStep: integer('totp_step'),
    /** When the account finished enrolling a second factor; null: it can do nothing but enrol. */
    enrolledAt: text('enrolled_at'),
    createdAt: text('created_at').notNull(),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('staff_users_email').on(t.email)],
);

/** Staff sessions, by the SHA-256 of the cookie's random token (the token itself is never stored). */
export const staffSessions = sqliteTable(
  'staff_sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    createdAt: text('created_at').notNull(),
    lastSeenAt: text('last_seen_at').notNull(),
    /** The absolute end, whatever the activity. */
    expiresAt: text('expires_at').notNull(),
    /**
     * `done`: signed in. `enrol` or `verify`: the password was right and the session can do nothing
     * but finish the sign-in (enrol a second factor, or give one), within PENDING_MS.
     */
    stage: text('stage', { enum: ['enrol', 'verify', 'done'] })
      .notNull()
      .default('done'),
    /** While enrolling: the TOTP secret offered, sealed under DATA_KEY. */
    pendingTotpSealed: text('pending_totp_sealed'),
    /** The WebAuthn challenge of the ceremony under way (base64url), used once. */
    challenge: text('challenge'),
    /** Wrong second-factor codes given in this session; the session ends at SECOND_FACTOR_TRIES. */
    failures: integer('failures').notNull().default(0),
    /** The browser and system the session was opened from (`Firefox on Windows`), from User-Agent: nothing more. */
    device: text('device'),
  },
  (t) => [index('staff_sessions_user').on(t.userId), index('staff_sessions_expiry').on(t.expiresAt)],
);

/**
 * Who read, changed or downloaded what, and when, and the security events (failed and throttled
 * sign-ins, refused CSRF tokens, refusals outside a user's reach). Records are named by id or
 * reference, never by personal data; who is an account, or, before anyone is known, an HMAC of
 * the client's address (`source`).
 */
export const staffAudit = sqliteTable(
  'staff_audit',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: text('at').notNull(),
    /** The account, when one is known (null for a sign-in with an unknown e-mail). */
    userId: integer('user_id'),
    action: text('action').notNull(),
    /** JSON: the records concerned (request ids, section ids). */
    records: text('records').notNull(),
    /** `ok`, or why not: `failed` (a wrong password or code), `refused` (CSRF, out of reach), `throttled`. */
    outcome: text('outcome', { enum: ['ok', 'failed', 'refused', 'throttled'] })
      .notNull()
      .default('ok'),
    /** HMAC under DATA_KEY of the client's address (IPv4) or /64 (IPv6): events from one source can be grouped, the address cannot be read. */
    source: text('source'),
  },
  (t) => [index('staff_audit_at').on(t.at)],
);

/**
 * Failed sign-ins per account and source, per source, and per account (each as an HMAC), to slow
 * down guessing (functions/staff/throttle.ts). An attempt is counted before the password is
 * checked, in one statement, and `blockedUntil` (milliseconds since the epoch) grows with the
 * failures; the per-account count never blocks, it only asks for Turnstile.
 */
export const loginFailures = sqliteTable('login_failures', {
  keyHash: text('key_hash').primaryKey(),
  count: integer('count').notNull(),
  windowStartedAt: text('window_started_at').notNull(),
  blockedUntil: integer('blocked_until').notNull().default(0),
});

/** Staff passkeys (WebAuthn credentials): the public key only; the private key never leaves the staff member's device. */
export const staffPasskeys = sqliteTable(
  'staff_passkeys',
  {
    /** The credential id (base64url). */
    id: text('id').primaryKey(),
    userId: integer('user_id').notNull(),
    /** The COSE public key (base64url). */
    publicKey: text('public_key').notNull(),
    counter: integer('counter').notNull(),
    /** JSON: how the browser may reach the authenticator (`internal`, `hybrid`, `usb`…). */
    transports: text('transports').notNull(),
    createdAt: text('created_at').notNull(),
    lastUsedAt: text('last_used_at'),
  },
  (t) => [index('staff_passkeys_user').on(t.userId)],
);

/** Single-use recovery codes, as HMACs under STAFF_PEPPER: a copy of the database opens nothing. */
export const staffRecoveryCodes = sqliteTable(
  'staff_recovery_codes',
  {
    codeHash: text('code_hash').primaryKey(),
    userId: integer('user_id').notNull(),
    usedAt: text('used_at'),
    createdAt: text('created_at').notNull(),
  },
  (t) => [index('staff_recovery_codes_user').on(t.userId)],
);

/**
 * The mobile sections (ПСИК) of an election, one per district that has one, seeded from the
 * election's data file (`mobileBox.mobileSections`). The official number comes later from the
 * district election commission and the city enters it; the base address is where the route
 * starts and ends. `handedOverAt` is when the list was sent to the police; a change after it
 * sets `changedAfterHandover` until the list is sent again.
 */
export const mobileSections = sqliteTable(
  'mobile_sections',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    electionId: text('election_id').notNull(),
    /** The district id (content/areas/<id>.json) the section belongs to. */
    district: text('district').notNull(),
    /** The multi-member constituency (МИР) number, e.g. `23`. */
    constituency: text('constituency').notNull(),
    number: text('number'),
    baseAddress: text('base_address').notNull(),
    lat: real('lat'),
    lon: real('lon'),
    /** Staff set the order by hand: new stops join at the end instead of the order being computed again. */
    orderKept: integer('order_kept', { mode: 'boolean' }).notNull().default(false),
    handedOverAt: text('handed_over_at'),
    handedOverBy: integer('handed_over_by'),
    changedAfterHandover: integer('changed_after_handover', { mode: 'boolean' }).notNull().default(false),
    updatedAt: text('updated_at').notNull(),
  },
  (t) => [uniqueIndex('mobile_sections_district').on(t.electionId, t.district)],
);

/**
 * One stop of a mobile section's route: one voter, whichever ballots they asked for (their
 * requests point here through `stop_id`). `voterRequestId` is the voter's first request in the
 * election, so the unique index keeps a voter on at most one route. The stop's coordinates
 * pinpoint a home, so they are sealed like the address they stand for.
 */
export const routeStops = sqliteTable(
  'route_stops',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    sectionId: integer('section_id').notNull(),
    electionId: text('election_id').notNull(),
    voterRequestId: integer('voter_request_id').notNull(),
    /** The district the voter applied to (another one when a district without a section sends them). */
    originDistrict: text('origin_district').notNull(),
    /** Place in the route, from 1. */
    position: integer('position').notNull(),
    recordKey: text('record_key').notNull(),
    locationSealed: text('location_sealed'),
    createdAt: text('created_at').notNull(),
    createdBy: integer('created_by').notNull(),
    purgeAfter: text('purge_after').notNull(),
  },
  (t) => [
    uniqueIndex('route_stops_one_per_voter').on(t.electionId, t.voterRequestId),
    index('route_stops_section').on(t.sectionId, t.position),
    index('route_stops_purge').on(t.purgeAfter),
  ],
);

/**
 * The multi-member constituency (МИР) of a district that has no mobile section of its own, as a
 * `city` user set it for one election (the sources name the МИР of the districts with a section
 * only; content/areas/<id>.json `constituency` wins where it gives one). Until it is set, that
 * district's applicants cannot be registered on any section: nothing is guessed.
 */
export const districtConstituencies = sqliteTable(
  'district_constituencies',
  {
    electionId: text('election_id').notNull(),
    district: text('district').notNull(),
    constituency: text('constituency').notNull(),
    setBy: integer('set_by').notNull(),
    setAt: text('set_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.electionId, t.district] })],
);
