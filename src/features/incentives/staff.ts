// Which staff workbenches a user may open: scenic-spot verifiers redeem 信易游 vouchers, rental
// partners check 信易租 grants. The server checks the role again on every call.
import type { Profile } from '../../services/types'

export type StaffRole = 'verifier' | 'rental_partner' | 'counter' | 'officer'

export const hasRole = (user: Pick<Profile, 'roles'> | null | undefined, role: StaffRole | StaffRole[]): boolean =>
  (Array.isArray(role) ? role : [role]).some((r) => Boolean(user?.roles.includes(r)))

export const isStaff = (user: Pick<Profile, 'roles'> | null | undefined): boolean => hasRole(user, 'verifier') || hasRole(user, 'rental_partner')
