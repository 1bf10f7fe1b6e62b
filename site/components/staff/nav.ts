// The staff menu, in one list: each entry is a staff page, the roles that see it, and the key
// of its label. Add an entry here and it appears in the header of every staff page.
import type { PlainKey } from '#core/i18n';
import type { StaffRole } from '#functions/staff/guard';

export interface StaffNavItem {
  /** Names the entry for `current` and for tests (`data-staff-nav-item`). */
  id: string;
  /** The page under `/<locale>/admin/`, e.g. `summary/` ('' for the requests page). */
  path: string;
  label: PlainKey;
  roles: readonly StaffRole[];
}

export const STAFF_NAV: readonly StaffNavItem[] = [
  { id: 'requests', path: '', label: 'staff.nav.requests', roles: ['district', 'city'] },
  { id: 'summary', path: 'summary/', label: 'staff.nav.summary', roles: ['district', 'city'] },
  { id: 'sections', path: 'sections/', label: 'sections.nav.sections', roles: ['district', 'city', 'police'] },
  { id: 'audit', path: 'audit/', label: 'sections.nav.audit', roles: ['city'] },
  { id: 'sessions', path: 'sessions/', label: 'staff.nav.sessions', roles: ['district', 'city', 'police'] },
];

/** The entries a role sees, in order. */
export const navFor = (role: StaffRole) => STAFF_NAV.filter((item) => item.roles.includes(role));
