// Voucher, rental grant and authorisation expiry, written down by a daily job. Vouchers past their
// visit day and grants past their last day become 'expired' (an expired grant no longer blocks a new
// claim); an authorisation that ran out is marked and its giver told. Each statement is
// conditional on the row not being marked yet, so a second run changes nothing.
import { sql, type Kysely } from 'kysely'
import { chinaDate, chinaDateTime } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'

export async function expireIncentives(db: Kysely<Database>, templates: MessageTemplates, today = chinaDate(), now = new Date()) {
  const vouchers = await db.updateTable('vouchers').set({ status: 'expired' }).where('status', '=', 'active').where('visit_date', '<', today).executeTakeFirst()
  const grants = await db.updateTable('rental_grants').set({ status: 'expired' }).where('status', '=', 'active').where('valid_until', '<', today).executeTakeFirst()
  const ended = await db.transaction().execute(async (trx) => {
    const rows = await trx
      .updateTable('authorizations as a')
      .set({ expired_at: sql`a.expires_at` })
      .from('incentives as i')
      .whereRef('i.id', '=', 'a.incentive_id')
      .where('a.expired_at', 'is', null)
      .where('a.revoked_at', 'is', null)
      .where('a.expires_at', '<=', now)
      .returning(['a.id', 'a.subject_id', 'a.expires_at', 'i.provider', 'i.name'])
      .execute()
    for (const a of rows) {
      await notify(
        trx,
        {
          to: { subjectId: a.subject_id },
          kind: 'authorization_expired',
          title: '授权已到期',
          body: `您授权“${a.provider}”查验${a.name}免押资格的授权已于 ${chinaDateTime(a.expires_at)} 到期，对方已无法查验。如需继续使用，请重新授权。`,
          link: '/packages/incentives/pages/authorizations/index',
          fields: { provider: a.provider, expiresAt: chinaDateTime(a.expires_at) },
          dedupeKey: `authorization_expired:${a.id}`,
        },
        templates,
      )
    }
    return rows.length
  })
  return { vouchers: Number(vouchers.numUpdatedRows), grants: Number(grants.numUpdatedRows), authorizations: ended }
}
