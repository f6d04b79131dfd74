// 两书同达, the day a record becomes repairable: a message to its subject saying so and what is
// still missing — once per record (the message's dedupe key), so a second run sends nothing and a
// run missed on the day still sends it the next day.
import { sql, type Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import { repairableFrom } from '../../src/domain/repair-eligibility'
import type { Database } from '../db/schema'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { eligibilityItems, loadCases } from './cases'

const BATCH = 200
export const repairableKey = (recordId: string) => `record_repairable:${recordId}`

export async function sendRepairableNotices(db: Kysely<Database>, templates: MessageTemplates, today = chinaDate()) {
  let sent = 0
  let after = ''
  for (;;) {
    // Negative records in publicity, of a kind that may be repaired, not yet told.
    const rows = await db
      .selectFrom('credit_records as r')
      .innerJoin('record_kinds as k', 'k.kind', 'r.kind')
      .select(['r.id', 'r.subject_id', 'r.title', 'r.severity', 'r.decision_date', 'r.publicity_end'])
      .where('r.polarity', '=', 'negative')
      .where('r.status', 'in', ['公示中', '已更正'])
      .where('k.repair_forbidden', '=', false)
      .where('r.publicity_start', '<=', today)
      .where((eb) => eb.or([eb('r.publicity_end', 'is', null), eb('r.publicity_end', '>=', today)]))
      .where(({ not, exists, selectFrom }) => not(exists(selectFrom('messages as m').select('m.id').where('m.dedupe_key', '=', sql<string>`'record_repairable:' || r.id`))))
      .where('r.id', '>', after)
      .orderBy('r.id')
      .limit(BATCH)
      .execute()
    if (rows.length === 0) return { sent }
    after = rows[rows.length - 1].id
    for (const r of rows) {
      const from = repairableFrom(r.severity ?? '一般', r.decision_date)
      if (from > today || (r.publicity_end && from > r.publicity_end)) continue
      const item = eligibilityItems(await loadCases(db, r.subject_id), today).find((e) => e.recordId === r.id)
      if (!item || item.state === 'never') continue
      const still = item.missing.length ? `还需：${item.missing.join('；')}。` : '材料齐全即可在线申请。'
      const id = await notify(db, {
        to: { subjectId: r.subject_id }, kind: 'record_repairable', title: '失信记录可以申请信用修复了',
        body: `“${r.title}”自 ${from} 起可以申请信用修复。${still}信用修复免费办理，请勿相信收费“代办修复”。`,
        link: '/packages/repair/pages/planner/index', fields: { recordTitle: r.title, date: from, status: '可申请修复' },
        dedupeKey: repairableKey(r.id),
      }, templates)
      if (id) sent++
    }
  }
}
