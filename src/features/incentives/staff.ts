// Staff of the 守信激励 partners: scenic-spot verifiers and rental partners.
import { hasRole } from '../../domain/roles'
import type { Profile } from '../../services/types'

export { hasRole, type StaffRole } from '../../domain/roles'

export const isStaff = (user: Pick<Profile, 'roles'> | null | undefined): boolean => hasRole(user, 'verifier') || hasRole(user, 'rental_partner')
