// The caller's profile as the app sees it: personal data masked here, on the server.
import type { Kysely } from 'kysely'
import { jsonArrayFrom } from 'kysely/helpers/postgres'
import { maskIdNumber, maskName, maskPhone } from '../../src/domain/mask'
import type { Profile } from '../../src/contract/auth'
import type { Database } from '../db/schema'
import { notFound } from '../errors'

export type { Profile }

export async function loadProfile(db: Kysely<Database>, userId: string): Promise<Profile> {
  const user = await db
    .selectFrom('users as u')
    .leftJoin('subjects as s', 's.id', 'u.subject_id')
    .select(['u.id', 'u.phone', 'u.wechat_openid', 'u.roles', 'u.org_name', 's.id as subject_id', 's.name', 's.identifier'])
    // One round trip: the enterprises the user acts for come along as a JSON array.
    .select((eb) =>
      jsonArrayFrom(
        eb
          .selectFrom('agent_bindings as b')
          .innerJoin('subjects as e', 'e.id', 'b.subject_id')
          .select(['e.id', 'e.name', 'e.identifier', 'b.role'])
          .whereRef('b.user_id', '=', 'u.id')
          .orderBy('e.name'),
      ).as('enterprises'),
    )
    .where('u.id', '=', userId)
    .executeTakeFirst()
  if (!user) throw notFound('账号')
  const enterprises = user.enterprises
  const subjects: Profile['subjects'] = []
  if (user.subject_id && user.name && user.identifier) {
    subjects.push({ id: user.subject_id, kind: 'person', name: maskName(user.name), identifier: maskIdNumber(user.identifier), relation: '本人' })
  }
  // An enterprise's name and USCC are public registration data: not masked.
  for (const e of enterprises) subjects.push({ id: e.id, kind: 'enterprise', name: e.name, identifier: e.identifier, relation: e.role })
  return {
    id: user.id,
    name: user.name ? maskName(user.name) : null,
    phone: user.phone ? maskPhone(user.phone) : null,
    idNumber: user.identifier ? maskIdNumber(user.identifier) : null,
    realNameVerified: Boolean(user.subject_id),
    wechatBound: Boolean(user.wechat_openid),
    roles: user.roles,
    orgName: user.org_name,
    subjects,
  }
}
