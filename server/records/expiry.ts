// End of publicity: every record whose last day of publicity is over becomes 已到期 through the
// lifecycle, with a message to its subject — both in one transaction per record, so a run that
// stops half-way or runs twice expires each record once and sends one message.
import type { Kysely } from 'kysely'
import { chinaDate } from '../../src/domain/dates'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { SYSTEM_ACTOR, transition } from './lifecycle'

const BATCH = 200

export async function expireRecords(db: Kysely<Database>, templates: MessageTemplates, today = chinaDate()) {
  let expired = 0
  let after = ''
  for (;;) {
    const due = await db
      .selectFrom('credit_records')
      .select(['id', 'subject_id', 'title', 'polarity', 'publicity_end'])
      .where('status', 'in', ['公示中', '已更正'])
      .where('publicity_end', '<', today)
      .where('id', '>', after)
      .orderBy('id')
      .limit(BATCH)
      .execute()
    if (due.length === 0) return { expired }
    after = due[due.length - 1].id
    for (const r of due) {
      try {
        await db.transaction().execute(async (trx) => {
          await transition(trx, { recordId: r.id, event: 'expire', actor: SYSTEM_ACTOR, today, reason: `公示期至 ${r.publicity_end} 届满` })
          await notify(
            trx,
            {
              to: { subjectId: r.subject_id },
              kind: 'record_expired',
              title: '信用记录公示期已届满',
              body: `“${r.title}”的公示期已于 ${r.publicity_end} 届满，自 ${today} 起不再公示${r.polarity === 'negative' ? '，也不再计入信用分' : ''}。`,
              link: `/packages/credit/pages/detail/index?id=${encodeURIComponent(r.id)}`,
              fields: { recordTitle: r.title, publicityEnd: r.publicity_end!, status: '已到期' },
              dedupeKey: `record_expired:${r.id}`,
            },
            templates,
          )
        })
        expired++
      } catch (e) {
        // changed meanwhile (an objection filed, a repair approved): the next run looks again
        if (!(e instanceof AppError && e.status === 409)) throw e
      }
    }
  }
}
