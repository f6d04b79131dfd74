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
