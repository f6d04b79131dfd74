// Writing the service_hours ledger (014): one row per source, so a source is credited once whatever
// the concurrency; a correction replaces the row's hours and marks it corrected. The citizen is told.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { formatHours } from '../../src/domain/public-service'
import { hoursToNextPoint, serviceHourPoints } from '../../src/domain/service-hours'
import type { HoursEntry, HoursSummary } from '../../src/contract/public-service'
import { SERVICE_HOUR_MAX_POINTS } from '../../src/domain/service-hours'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { notify } from '../messages/messages'
import type { MessageTemplates } from '../messages/templates'
import { confirmedHours } from './hours'

type Db = Kysely<Database>
const PAGE_SIZE = 30
export const HOURS_LINK = '/packages/public-service/pages/hours/index'
const SOURCE_LABELS = { attendance: '参加公益任务', hour_code: '时长码兑换' } as const

export interface Credit {
  subjectId: string
  source: 'attendance' | 'hour_code'
  sourceId: string
  hours: number
  title: string
  organization: string
  corrected?: boolean
}

export async function creditHours(db: Db, templates: MessageTemplates, c: Credit, now: Date) {
  await db
    .insertInto('service_hours')
    .values({ id: crypto.randomUUID(), subject_id: c.subjectId, source: c.source, source_id: c.sourceId, hours: c.hours, title: c.title, organization: c.organization, credited_at: now })
    .onConflict((oc) => oc.columns(['source', 'source_id']).doUpdateSet({ hours: c.hours, corrected_at: now }))
    .execute()
  const total = await confirmedHours(db, c.subjectId)
  const what = `“${c.title}”（${c.organization}）`
  await notify(db, {
    to: { subjectId: c.subjectId },
    kind: c.corrected ? 'service_hours_corrected' : 'service_hours_credited',
    title: c.corrected ? '公益时长已更正' : '公益时长已计入',
    body: c.corrected
      ? `组织方已将您在${what}的服务时长更正为 ${formatHours(c.hours)} 小时。您的公益时长累计 ${formatHours(total)} 小时。`
      : `您在${what}的 ${formatHours(c.hours)} 小时公益时长已计入，累计 ${formatHours(total)} 小时。`,
    link: HOURS_LINK, fields: { hours: formatHours(c.hours), total: formatHours(total), taskTitle: c.title },
  }, templates)
}

export async function hoursSummary(db: Db, subjectId: string, cursor: string | undefined): Promise<HoursSummary> {
  const total = await confirmedHours(db, subjectId)
  let q = db.selectFrom('service_hours').select(['id', 'source', 'hours', 'title', 'organization', 'credited_at', 'corrected_at']).where('subject_id', '=', subjectId)
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(credited_at, id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('credited_at', 'desc').orderBy('id', 'desc').limit(PAGE_SIZE + 1).execute()
  const page = rows.slice(0, PAGE_SIZE)
  const items: HoursEntry[] = page.map((r) => ({
    id: r.id, source: r.source, sourceLabel: SOURCE_LABELS[r.source], hours: Number(r.hours), title: r.title, organization: r.organization,
    creditedAt: r.credited_at.toISOString(), correctedAt: r.corrected_at ? r.corrected_at.toISOString() : null,
  }))
  const last = page[page.length - 1]
  return {
    total, points: serviceHourPoints(total), maxPoints: SERVICE_HOUR_MAX_POINTS, hoursToNextPoint: hoursToNextPoint(total),
    items, nextCursor: rows.length > PAGE_SIZE ? encodeCursor(last.credited_at.toISOString(), last.id) : null,
  }
}
