// Loads the demo data set from mock/ — idempotent: rows are upserted by their stable ids, and
// record dates are recomputed relative to the day of seeding.
import type { Kysely } from 'kysely'
import { enterprises, personas } from '../../mock/personas'
import { records } from '../../mock/records'
import { publicityEnd } from '../../src/domain/publicity'
import type { Database } from './schema'

const daysBefore = (today: Date, days: number) => new Date(today.getTime() - days * 86400_000).toISOString().slice(0, 10)

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
      const decided = daysBefore(today, r.decidedDaysAgo)
      const dates = { decision_date: decided, publicity_start: decided, publicity_end: publicityEnd(r.polarity, r.severity, decided) }
      await trx
        .insertInto('credit_records')
        .values({
          id: r.id, subject_id: r.subjectId, kind: r.kind, polarity: r.polarity, severity: r.severity, title: r.title,
          content: r.content, department: r.department, document_no: r.documentNo, legal_basis: r.legalBasis,
          list_kind: r.listKind ?? null, list_name: r.listName ?? null, ...dates,
        })
        .onConflict((oc) => oc.column('id').doUpdateSet(dates))
        .execute()
      await trx
        .insertInto('credit_record_events')
        .values({ id: `${r.id}-published`, record_id: r.id, at: `${decided}T09:00:00+08:00`, actor: r.department, status: '公示中', reason: '依法作出决定并向社会公示' })
        .onConflict((oc) => oc.column('id').doUpdateSet({ at: `${decided}T09:00:00+08:00` }))
        .execute()
    }
  })
  return { subjects: enterprises.length + personas.length, users: personas.length, records: records.length }
}

export async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').limit(1).executeTakeFirst()
  return !row
}
