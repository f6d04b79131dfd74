// Which staff workbenches a user may open: scenic-spot verifiers redeem 信易游 vouchers, rental
// partners check 信易租 grants, counters and officers check passes; officers and organizers run their
// subpackages. The server checks the role again on every call.

export type StaffRole = 'verifier' | 'rental_partner' | 'counter' | 'officer' | 'organizer'

export const hasRole = (user: { roles: readonly string[] } | null | undefined, role: StaffRole | readonly StaffRole[]): boolean =>
  (typeof role === 'string' ? [role] : role).some((r) => Boolean(user?.roles.includes(r)))
