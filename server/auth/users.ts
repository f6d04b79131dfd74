// Accounts as sign-in finds them: by phone or WeChat openid (made on first sign-in), and the
// sandbox's demo personas.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { personaSummaries } from '../../mock/personas'
import type { Persona } from '../../src/contract/auth'
import { maskName } from '../../src/domain/mask'
import type { Database } from '../db/schema'
import { notFound } from '../errors'

/** The account with this phone or openid; two first sign-ins at once make one account. */
export async function findOrCreateUser(db: Kysely<Database>, column: 'phone' | 'wechat_openid', value: string) {
  await db
    .insertInto('users')
    .values({ id: crypto.randomUUID(), [column]: value } as never)
    .onConflict((oc) => oc.column(column).doNothing())
    .execute()
  return db.selectFrom('users').select(['id', 'roles']).where(column, '=', value).executeTakeFirstOrThrow()
}

export async function sandboxPersonas(db: Kysely<Database>): Promise<Persona[]> {
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('subjects as s', 's.id', 'u.subject_id')
    .select(['u.persona', 'u.roles', 'u.org_name', 's.name'])
    .where('u.persona', 'is not', null)
    .orderBy('u.persona')
    .execute()
  return rows.map((r) => ({ id: r.persona!, name: r.name ? maskName(r.name) : r.org_name ?? '', roles: r.roles, summary: personaSummaries[r.persona!] ?? '' }))
}

export async function personaUser(db: Kysely<Database>, persona: string) {
  const user = await db.selectFrom('users').select(['id', 'roles']).where('persona', '=', persona).executeTakeFirst()
  if (!user) throw notFound('演示身份')
  return user
}
