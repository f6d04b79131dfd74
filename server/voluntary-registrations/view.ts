// How a voluntary registration reads to its subject and to the officer (who also sees whose it is).
import type { Kysely, Selectable } from 'kysely'
import type { OfficerRegistration, VoluntaryRegistration } from '../../src/contract/voluntary-registrations'
import { VOLUNTARY_CATEGORIES, type VoluntaryCategory, type VoluntaryStatus } from '../../src/domain/cases'
import { maskIdNumber } from '../../src/domain/mask'
import type { Database, VoluntaryRegistrationsTable } from '../db/schema'

export type RegistrationRow = Selectable<VoluntaryRegistrationsTable>
export const CASE_KIND = 'voluntary_registration'

export async function toApi(db: Kysely<Database>, r: RegistrationRow, today: string): Promise<VoluntaryRegistration> {
  const attachments = await db.selectFrom('upload_attachments as a').innerJoin('uploads as u', 'u.id', 'a.upload_id')
    .select(['u.id', 'u.content_type', 'u.size']).where('a.case_kind', '=', CASE_KIND).where('a.case_id', '=', r.id).orderBy('a.attached_at').orderBy('u.id').execute()
  const c = await db.selectFrom('commitments as c')
    .innerJoin('commitment_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
    .select(['c.id', 'c.receipt_no', 't.title']).where('c.id', '=', r.commitment_id).executeTakeFirstOrThrow()
  const open = r.status === '已提交'
  const decided = r.status === '已核验' ? '已核验' : '未通过'
  return {
    id: r.id,
    status: r.status as VoluntaryStatus,
    category: r.category as VoluntaryCategory,
    categoryLabel: VOLUNTARY_CATEGORIES[r.category as VoluntaryCategory],
    title: r.title,
    description: r.description,
    filedAt: r.filed_at.toISOString(),
    dueDate: open ? r.verify_due : null,
    dueDateEstimated: open && r.verify_due_estimated,
    overdue: open && today > r.verify_due,
    commitment: { id: c.id, receiptNo: c.receipt_no, title: c.title },
    decidedAt: r.decided_at?.toISOString() ?? null,
    reasons: r.reasons,
    recordId: r.record_id,
    steps: [
      { status: '已提交', done: true, at: r.filed_at.toISOString(), dueDate: null, note: null },
      { status: open ? '核验' : decided, done: !open, at: r.decided_at?.toISOString() ?? null, dueDate: r.verify_due, note: r.reasons },
    ],
    attachments: attachments.map((a) => ({ id: a.id, type: a.content_type, size: a.size, url: `/api/uploads/${a.id}` })),
  }
}

export async function toOfficerApi(db: Kysely<Database>, r: RegistrationRow, today: string): Promise<OfficerRegistration> {
  const s = await db.selectFrom('subjects').select(['kind', 'name', 'identifier']).where('id', '=', r.subject_id).executeTakeFirstOrThrow()
  return { ...(await toApi(db, r, today)), subject: { kind: s.kind, name: s.name, identifier: s.kind === 'person' ? maskIdNumber(s.identifier) : s.identifier } }
}
