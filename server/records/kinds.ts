// Record kinds in the database, copied from the policy module (src/domain/policy.ts) at start so
// SQL can join on them; the policy module stays the one place the numbers are written.
import type { Kysely } from 'kysely'
import { RECORD_KINDS, type RecordKindPolicy } from '../../src/domain/policy'
import type { Database } from '../db/schema'

export async function syncRecordKinds(db: Kysely<Database>) {
  for (const k of RECORD_KINDS) {
    const row = { carries_points: k.carriesPoints, repair_forbidden: k.repairForbidden, service_hours: k.serviceHours ? JSON.stringify(k.serviceHours) : null }
    await db
      .insertInto('record_kinds')
      .values({ kind: k.kind, ...row })
      .onConflict((oc) => oc.column('kind').doUpdateSet({ ...row, updated_at: new Date() }))
      .execute()
  }
}

export async function recordKind(db: Kysely<Database>, kind: string): Promise<RecordKindPolicy | undefined> {
  const r = await db.selectFrom('record_kinds').selectAll().where('kind', '=', kind).executeTakeFirst()
  if (!r) return undefined
  return { kind: r.kind, carriesPoints: r.carries_points, repairForbidden: r.repair_forbidden, serviceHours: r.service_hours as RecordKindPolicy['serviceHours'] }
}
