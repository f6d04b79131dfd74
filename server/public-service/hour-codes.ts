// 时长码: an organizer issues a one-time code worth N hours for work done off-site; a citizen
// redeems it once (the conditional update and the ledger's unique key both hold that).
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { chinaDateTime } from '../../src/domain/dates'
import { formatHours } from '../../src/domain/public-service'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError } from '../http/errors'
import { checkCode, newCode } from '../incentives/codes'
import type { MessageTemplates } from '../messages/templates'
import { creditHours } from './ledger'
import { audit } from './tasks'

type Db = Kysely<Database>

export async function issueHourCode(db: Db, secret: Uint8Array, input: { organizerId: string; organization: string; hours: number; note: string }, now: Date) {
  return inTransaction(db, async (trx) => {
    const id = crypto.randomUUID()
    const code = newCode(secret, 'hour')
    await trx.insertInto('service_hour_codes').values({ id, code, organizer_user_id: input.organizerId, organization: input.organization, hours: input.hours, note: input.note, created_at: now }).execute()
    await audit(trx, { organizerId: input.organizerId, action: 'issue_hour_code', hourCodeId: id, detail: { hours: input.hours, note: input.note } }, now)
    return { code, hours: input.hours, note: input.note, organization: input.organization }
  })
}

export async function redeemHourCode(db: Db, secret: Uint8Array, templates: MessageTemplates, input: { subjectId: string; userId: string; code: string }, now: Date) {
  const invalid = () => new AppError(400, 'HOUR_CODE_INVALID', '时长码无效：请核对后重新输入（共 12 位字母和数字）')
  const code = checkCode(secret, 'hour', input.code)
  if (!code) throw invalid()
  return inTransaction(db, async (trx) => {
    const row = await trx.selectFrom('service_hour_codes').selectAll().where('code', '=', code).forUpdate().executeTakeFirst()
    if (!row) throw invalid()
    if (row.redeemed_at) {
      const mine = row.redeemed_by_subject_id === input.subjectId
      throw new AppError(409, 'HOUR_CODE_USED', mine ? `您已于 ${chinaDateTime(row.redeemed_at)} 兑换过该时长码，时长已计入，不会重复计入` : '该时长码已被兑换，每个时长码只能兑换一次')
    }
    if (row.organizer_user_id === input.userId) throw new AppError(409, 'HOUR_CODE_OWN', '不能兑换本人发放的时长码')
    await trx.updateTable('service_hour_codes').set({ redeemed_by_subject_id: input.subjectId, redeemed_at: now }).where('id', '=', row.id).execute()
    const hours = Number(row.hours)
    await creditHours(trx, templates, { subjectId: input.subjectId, source: 'hour_code', sourceId: row.id, hours, title: row.note, organization: row.organization }, now)
    return { hours, title: row.note, organization: row.organization, message: `已兑换 ${formatHours(hours)} 小时公益时长` }
  })
}
