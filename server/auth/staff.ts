// Staff accounts (officers, verifiers, counters, partners): their organisation and the sites they serve.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface StaffMember {
  id: string
  orgName: string | null
  /** the incentives (spots, partners, counters) this account works at */
  siteIds: string[]
}

export async function staffMember(db: Kysely<Database>, userId: string): Promise<StaffMember> {
  const user = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', userId).executeTakeFirstOrThrow()
  const sites = await db.selectFrom('staff_sites').select('incentive_id').where('user_id', '=', userId).execute()
  return { id: user.id, orgName: user.org_name, siteIds: sites.map((s) => s.incentive_id) }
}

/** An officer as case decisions record them: the account and the department it acts for. */
export interface OfficerRef {
  id: string
  /** the department (信用办 when the account names none) */
  name: string
  orgName: string | null
}

export async function officerOf(db: Kysely<Database>, userId: string): Promise<OfficerRef> {
  const user = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', userId).executeTakeFirstOrThrow()
  return { id: user.id, name: user.org_name ?? '信用办', orgName: user.org_name }
}
