// 部门推送 through the officer API: the record's own department (or the credit authority) records
// that the duty its decision imposed was met. Checked against the China calendar (not in the future,
// not before the decision), written by the one writer (./obligation), and the subject is told the
// duty is on record as met — with it the repair application needs no proof of fulfilment.
import type { Kysely } from 'kysely'
import type { ObligationMet } from '../../src/contract/obligations'
import { chinaDate } from '../../src/domain/dates'
import { fulfilmentLabel } from '../../src/domain/obligation'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError, badRequest, notFound } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { inScope, type Officer } from '../officers/scope'
import { obligationOf, recordObligationMet } from './obligation'

type Db = Kysely<Database>

export const recordLink = (id: string) => `/packages/credit/pages/detail/index?id=${encodeURIComponent(id)}`

export interface ObligationPush {
  recordId: string
  metOn: string
  note?: string
}

export async function pushObligationMet(db: Db, templates: MessageTemplates, officer: Officer, input: ObligationPush, now = new Date()): Promise<ObligationMet> {
  const today = chinaDate(now)
  return inTransaction(db, async (trx) => {
    // Locks the record: of simultaneous pushes one writes, the others wait and then find it met.
    const r = await trx
      .selectFrom('credit_records')
      .select(['id', 'subject_id', 'title', 'department', 'decision_date', 'obligation', 'obligation_met_on', 'obligation_met_source'])
      .where('id', '=', input.recordId)
      .forUpdate()
      .executeTakeFirst()
    if (!r || !inScope(officer, r.department)) throw notFound('信用记录')
    if (input.metOn > today) throw badRequest(`履行日期不能晚于今天（${today}）`, 'MET_ON_IN_FUTURE')
    if (input.metOn < r.decision_date) throw badRequest(`履行日期不能早于该记录的决定日期（${r.decision_date}）`, 'MET_ON_BEFORE_DECISION')
    if (r.obligation === null) throw new AppError(409, 'NO_OBLIGATION', '该记录的决定未设定需要履行的义务，无需记录履行情况')
    if (r.obligation_met_on !== null) {
      // The first fulfilment on record stands: the same day again is the same answer, another day a conflict.
      if (r.obligation_met_on !== input.metOn) {
        throw new AppError(409, 'OBLIGATION_ALREADY_MET', `该记录的义务已记录为于 ${r.obligation_met_on} 履行（来源：${r.obligation_met_source}），不能改为其他日期`)
      }
      return answer(r)
    }
    await recordObligationMet(trx, r.id, input.metOn, { source: '部门推送', officerId: officer.id, note: input.note })
    const met = { ...r, obligation_met_on: input.metOn, obligation_met_source: '部门推送' as const }
    await notify(trx, {
      to: { subjectId: r.subject_id }, kind: 'obligation_met', title: '义务履行情况已记录',
      body: `${officer.name}已记录“${r.title}”所涉义务“${r.obligation}”于 ${input.metOn} 履行完毕。如该记录符合信用修复条件，您现在即可申请信用修复，无需再上传履行证明。`,
      link: recordLink(r.id), fields: { recordTitle: r.title, metOn: input.metOn },
    }, templates)
    return answer(met)
  })
}

function answer(r: { id: string; obligation: string | null; obligation_met_on: string | null; obligation_met_source: ObligationMet['source'] | null }): ObligationMet {
  const o = obligationOf(r)
  return { recordId: r.id, duty: o.duty!, metOn: o.metOn!, source: o.source!, label: fulfilmentLabel(o) }
}
