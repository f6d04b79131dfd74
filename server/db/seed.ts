// Loads the demo data set from mock/ — idempotent: rows are upserted by their stable ids, and
// record dates are recomputed relative to the day of seeding.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { templates } from '../../mock/commitments'
import { incentives } from '../../mock/incentives'
import { TASK_ORGANIZER, tasks } from '../../mock/public-service'
import { CREDIT_AUTHORITY, enterprises, personas } from '../../mock/personas'
import { accessLog, records, type MockRecord } from '../../mock/records'
import { addMonths, publicityEnd } from '../../src/domain/publicity'
import { levelOf } from '../../src/domain/level'
import { computeScore, type ScoredRecord } from '../../src/domain/score'
import { addCalendarDays, chinaDate } from '../../src/domain/dates'
import type { Database } from './schema'

const daysBefore = (today: Date, days: number) => chinaDate(new Date(today.getTime() - days * 86400_000))

function scoredAsSeeded(r: MockRecord, today: Date): ScoredRecord {
  const start = daysBefore(today, r.decidedDaysAgo)
  return {
    id: r.id, kind: r.kind, polarity: r.polarity, severity: r.severity, status: '公示中', title: r.title, documentNo: r.documentNo,
    publicityStart: start, publicityEnd: publicityEnd(r.polarity, r.severity, start), listKind: r.listKind ?? null,
  }
}

export async function seed(db: Kysely<Database>, today = new Date()): Promise<{ subjects: number; users: number; records: number }> {
  await db.transaction().execute(async (trx) => {
    const subjects = [...enterprises, ...personas.map((p) => p.subject)]
    for (const s of subjects) {
      await trx
        .insertInto('subjects')
        .values(s)
        .onConflict((oc) => oc.column('id').doUpdateSet({ name: s.name, identifier: s.identifier }))
        .execute()
    }
    await trx.insertInto('departments').values({ name: CREDIT_AUTHORITY, credit_authority: true }).onConflict((oc) => oc.column('name').doUpdateSet({ credit_authority: true })).execute()
    for (const p of personas) {
      const row = { persona: p.persona, phone: p.phone, subject_id: p.subject.id, roles: p.roles, org_name: p.orgName ?? null }
      await trx
        .insertInto('users')
        .values({ id: p.userId, ...row })
        .onConflict((oc) => oc.column('id').doUpdateSet(row))
        .execute()
      for (const b of p.agentOf ?? []) {
        await trx
          .insertInto('agent_bindings')
          .values({ user_id: p.userId, subject_id: b.subjectId, role: b.role })
          .onConflict((oc) => oc.columns(['user_id', 'subject_id']).doUpdateSet({ role: b.role }))
          .execute()
      }
    }
    for (const r of records) {
      const seeded = scoredAsSeeded(r, today)
      const decided = seeded.publicityStart
      const dates = { decision_date: decided, publicity_start: decided, publicity_end: seeded.publicityEnd }
      // Fulfilment the department's data reports; one an officer confirmed in a repair is kept.
      const met = r.obligation?.metDaysAgo === undefined ? {} : { obligation_met_on: daysBefore(today, r.obligation.metDaysAgo), obligation_met_source: '部门推送' as const, obligation_met_repair_id: null }
      await trx
        .insertInto('credit_records')
        .values({
          id: r.id, subject_id: r.subjectId, kind: r.kind, polarity: r.polarity, severity: r.severity, title: r.title,
          content: r.content, department: r.department, document_no: r.documentNo, legal_basis: r.legalBasis,
          list_kind: r.listKind ?? null, list_name: r.listName ?? null, obligation: r.obligation?.duty ?? null, ...met, ...dates,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet({ ...dates, obligation: r.obligation?.duty ?? null, ...met }))
        .execute()
      await trx
        .insertInto('credit_record_events')
        .values({ id: `${r.id}-published`, record_id: r.id, at: `${decided}T09:00:00+08:00`, actor: r.department, actor_kind: 'officer', event: 'publish', status: '公示中', reason: '依法作出决定并向社会公示' })
        .onConflict((oc) => oc.column('id').doUpdateSet({ at: `${decided}T09:00:00+08:00` }))
        .execute()
    }
    for (const t of tasks) {
      const day = addCalendarDays(chinaDate(today), t.inDays)
      const startAt = new Date(`${day}T${t.start}:00+08:00`)
      const times = { start_at: startAt, end_at: new Date(`${day}T${t.end}:00+08:00`), signup_deadline: new Date(startAt.getTime() - t.signupHoursBefore * 3600_000) }
      const row = { organizer_user_id: TASK_ORGANIZER, title: t.title, organization: t.organization, place: t.place, description: t.description, capacity: t.capacity, hours: t.hours, ...times }
      await trx.insertInto('service_tasks').values({ id: t.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(times)).execute()
    }
    for (const [sort, i] of incentives.entries()) {
      const row = {
        category: i.category, name: i.name, provider: i.provider, summary: i.summary, benefits: JSON.stringify(i.benefits),
        rule_min_level: i.rule.minLevel, rule_red_list: i.rule.redList, claim_kind: i.claimKind, address: i.address ?? null,
        open_hours: i.openHours ?? null, deposit_waived: i.depositWaived ?? null, limits: i.limits ?? null, how_to_use: i.howToUse ?? null, sort,
        audience: i.audience ?? 'person', opens_at: i.hours?.opens ?? null, closes_at: i.hours?.closes ?? null, last_entry: i.hours?.lastEntry ?? null,
      }
      await trx.insertInto('incentives').values({ id: i.id, ...row }).onConflict((oc) => oc.column('id').doUpdateSet(row)).execute()
      for (const userId of i.staff ?? []) {
        await trx.insertInto('staff_sites').values({ user_id: userId, incentive_id: i.id }).onConflict((oc) => oc.doNothing()).execute()
      }
    }
    for (const tpl of templates) {
      // A published version is never changed: an existing (id, version) is left as it is.
      const bodySha = crypto.createHash('sha256').update(tpl.body).digest('hex')
      await trx
        .insertInto('commitment_templates')
        .values({ id: tpl.id, version: tpl.version, kind: tpl.kind, audience: tpl.audience, title: tpl.title, body: tpl.body, body_sha256: bodySha, department: tpl.department })
        // The text stays; only the accepting department (not part of what was signed) is refreshed.
        .onConflict((oc) => oc.columns(['id', 'version']).doUpdateSet({ department: tpl.department }))
        .execute()
    }
    for (const a of accessLog) {
      const at = new Date(today.getTime() - a.daysAgo * 86400_000)
      await trx
        .insertInto('access_log')
        .values({ id: a.id, subject_id: a.subjectId, at, reader: a.reader, reader_kind: a.readerKind, purpose: a.purpose })
        .onConflict((oc) => oc.column('id').doUpdateSet({ at }))
        .execute()
    }
    // Score history: the score each subject had at the end of each of the last 12 months.
    const todayYmd = chinaDate(today)
    const thisMonth = `${todayYmd.slice(0, 7)}-01`
    for (let back = 11; back >= 0; back--) {
      const monthStart = addMonths(thisMonth, -back)
      const asOf = back === 0 ? todayYmd : daysBefore(new Date(`${addMonths(monthStart, 1)}T00:00:00Z`), 1)
      for (const s of subjects) {
        const scored = records.filter((r) => r.subjectId === s.id).map((r) => scoredAsSeeded(r, today))
        const { score } = computeScore(scored, asOf)
        const row = { score, level: levelOf(score) }
        await trx
          .insertInto('score_snapshots')
          .values({ subject_id: s.id, month: monthStart.slice(0, 7), ...row })
          .onConflict((oc) => oc.columns(['subject_id', 'month']).doUpdateSet(row))
          .execute()
      }
    }
  })
  return { subjects: enterprises.length + personas.length, users: personas.length, records: records.length }
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return !row
}

/** Demo accounts are the only ones with a persona id (see mock/personas). */
export async function hasDemoData(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('persona', 'is not', null).limit(1).executeTakeFirst()
  return Boolean(row)
}
