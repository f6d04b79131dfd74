// 信用承诺: templates by version, signing (text hash + handwritten signature → receipt), the
// public list of enterprise commitments, receipt verification, and fulfilment or breach.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { maskName } from '../../src/domain/mask'
import { PUBLIC_COMMITMENT_KINDS } from '../../src/domain/policy'
import { chinaDate } from '../../src/domain/dates'
import type { ObjectStorage } from '../adapters/storage'
import { logAccess } from '../credit/access-log'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import type { ActingSubject } from '../http/auth'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { AppError, notFound } from '../http/errors'
import { attachUploads } from '../uploads/attachments'
import { recordUpload, type StagedUpload } from '../uploads/uploads'
import { mayDecideCommitment } from './decider'
import { COMMITMENT_CASE, signatureBytes } from './signature-storage'
import { createRecord } from '../records/lifecycle'

export const sha256 = (s: string | Buffer) => crypto.createHash('sha256').update(s).digest('hex')

const RECEIPT_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789'
function newReceiptNo(): string {
  const bytes = crypto.randomBytes(8)
  return `CP${chinaDate().replace(/-/g, '')}${[...bytes].map((b) => RECEIPT_ALPHABET[b % RECEIPT_ALPHABET.length]).join('')}`
}

/** The newest version of each template, for the audience of the acting subject. */
export async function latestTemplates(db: Kysely<Database>, subjectKind: 'person' | 'enterprise', kind?: string) {
  let q = db
    .selectFrom('commitment_templates as t')
    .select(['t.id', 't.version', 't.kind', 't.audience', 't.title', 't.body_sha256'])
    .where('t.audience', 'in', [subjectKind, 'both'])
    .where(({ eb, selectFrom }) =>
      eb('t.version', '=', selectFrom('commitment_templates as n').select((e) => e.fn.max('n.version').as('v')).whereRef('n.id', '=', 't.id')),
    )
  if (kind) q = q.where('t.kind', '=', kind as never)
  const rows = await q.orderBy('t.kind').orderBy('t.title').execute()
  return rows.map((r) => ({ id: r.id, version: r.version, kind: r.kind, title: r.title, audience: r.audience, textSha256: r.body_sha256 }))
}

export async function templateDetail(db: Kysely<Database>, id: string, version?: number) {
  let q = db.selectFrom('commitment_templates').selectAll().where('id', '=', id)
  q = version ? q.where('version', '=', version) : q.orderBy('version', 'desc').limit(1)
  const t = await q.executeTakeFirst()
  if (!t) throw notFound('承诺书模板')
  return { id: t.id, version: t.version, kind: t.kind, audience: t.audience, title: t.title, body: t.body, textSha256: t.body_sha256 }
}

/**
 * Signs in the caller's transaction (`db | trx`). The signature image was staged in storage by the
 * caller (`stageUpload`, outside any transaction), who discards it if this does not commit.
 */
export async function sign(
  db: Kysely<Database>,
  signature: StagedUpload,
  input: { subject: ActingSubject; signerUserId: string; templateId: string; version: number; textSha256: string },
) {
  const latest = await templateDetail(db, input.templateId)
  if (latest.audience !== 'both' && latest.audience !== input.subject.kind) {
    throw new AppError(400, 'WRONG_AUDIENCE', latest.audience === 'enterprise' ? '该承诺书由企业签署，请切换到企业身份' : '该承诺书由个人签署，请切换为本人身份')
  }
  if (latest.version !== input.version) throw new AppError(409, 'TEMPLATE_UPDATED', '承诺书内容已更新，请重新阅读最新版本后签署')
  if (latest.textSha256 !== input.textSha256) throw new AppError(409, 'TEXT_MISMATCH', '您阅读的承诺书内容与当前版本不一致，请刷新后重新阅读')
  const id = crypto.randomUUID()
  // The signature image is stored as an upload of the subject, attached to this commitment, in one transaction.
  const upload = { subjectId: input.subject.id, uploaderUserId: input.signerUserId, purpose: 'signature' as const }
  await recordUpload(db, signature, upload, async (trx, stored) => {
    await trx
      .insertInto('commitments')
      .values({
        id, receipt_no: newReceiptNo(), template_id: latest.id, template_version: latest.version, subject_id: input.subject.id,
        signer_user_id: input.signerUserId, signer_relation: input.subject.relation, text_sha256: latest.textSha256,
        signature_upload_id: stored.id, signature_sha256: stored.sha256,
      })
      .execute()
    await attachUploads(trx, { subjectId: input.subject.id, uploadIds: [stored.id], caseKind: COMMITMENT_CASE, caseId: id })
  })
  return getCommitment(db, input.subject.id, id)
}

function commitmentQuery(db: Kysely<Database>) {
  return db
    .selectFrom('commitments as c')
    .innerJoin('commitment_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
    .innerJoin('subjects as s', 's.id', 'c.subject_id')
    .select([
      'c.id', 'c.receipt_no', 'c.template_id', 'c.template_version', 'c.subject_id', 'c.signer_relation', 'c.text_sha256',
      'c.signature_sha256', 'c.status', 'c.status_reason', 'c.record_id', 'c.signed_at', 't.kind', 't.title', 's.kind as subject_kind', 's.name as subject_name', 's.identifier',
    ])
}
type Row = Awaited<ReturnType<ReturnType<typeof commitmentQuery>['executeTakeFirstOrThrow']>>

/** Persons are always masked; an enterprise's name and USCC are public. */
function subjectView(r: Row) {
  return r.subject_kind === 'enterprise'
    ? { kind: 'enterprise' as const, name: r.subject_name, uscc: r.identifier }
    : { kind: 'person' as const, name: maskName(r.subject_name), uscc: null }
}

function toApi(r: Row) {
  return {
    id: r.id, receiptNo: r.receipt_no, template: { id: r.template_id, version: r.template_version, kind: r.kind, title: r.title },
    subject: subjectView(r), signerRelation: r.signer_relation, textSha256: r.text_sha256, signatureSha256: r.signature_sha256,
    status: r.status, statusReason: r.status_reason, recordId: r.record_id, signedAt: r.signed_at.toISOString(),
  }
}

export async function getCommitment(db: Kysely<Database>, subjectId: string, id: string) {
  const r = await commitmentQuery(db).where('c.id', '=', id).where('c.subject_id', '=', subjectId).executeTakeFirst()
  if (!r) throw notFound('承诺')
  const text = await templateDetail(db, r.template_id, r.template_version)
  return { ...toApi(r), text: text.body }
}

export async function signatureImage(db: Kysely<Database>, storage: ObjectStorage, subjectId: string, id: string) {
  const r = await db.selectFrom('commitments').select(['signature_upload_id', 'signature_png']).where('id', '=', id).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!r) throw notFound('承诺')
  const png = await signatureBytes(db, storage, r)
  if (!png) throw new AppError(410, 'FILE_GONE', '签名图片暂时无法读取，请联系客服')
  return png
}

/** What anyone may see of a commitment: no internal ids, no signature hash. */
function publicView(r: Row) {
  const { id: _id, recordId: _r, signatureSha256: _s, ...pub } = toApi(r)
  return pub
}

async function page<V>(q: ReturnType<typeof commitmentQuery>, view: (r: Row) => V, cursor?: string, limit = 20) {
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(c.signed_at, c.id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('c.signed_at', 'desc').orderBy('c.id', 'desc').limit(limit + 1).execute()
  const items = rows.slice(0, limit)
  return { items: items.map(view), nextCursor: rows.length > limit ? encodeCursor(items[items.length - 1].signed_at.toISOString(), items[items.length - 1].id) : null }
}

export function listMine(db: Kysely<Database>, subjectId: string, cursor?: string) {
  return page(commitmentQuery(db).where('c.subject_id', '=', subjectId), toApi, cursor)
}

/** Enterprise commitments of the public kinds, by name or USCC; persons never appear. */
export function listPublic(db: Kysely<Database>, search: { uscc?: string; name?: string }, cursor?: string) {
  let q = commitmentQuery(db).where('s.kind', '=', 'enterprise').where('t.kind', 'in', [...PUBLIC_COMMITMENT_KINDS])
  if (search.uscc) q = q.where('s.identifier', '=', search.uscc)
  if (search.name) q = q.where('s.name', 'like', `%${search.name.replace(/[\\%_]/g, (c) => `\\${c}`)}%`)
  return page(q, publicView, cursor)
}

/** Verifies a receipt; `source` (the client address) makes repeated checks one access-log entry a day. */
export async function receipt(db: Kysely<Database>, receiptNo: string, source: string) {
  const r = await commitmentQuery(db).where('c.receipt_no', '=', receiptNo).executeTakeFirst()
  if (!r) throw new AppError(404, 'RECEIPT_NOT_FOUND', `未找到编号为 ${receiptNo} 的承诺回执，请核对编号；该编号不是信用通出具的有效回执`)
  const dedupeKey = `receipt|${r.receipt_no}|${sha256(source).slice(0, 24)}|${chinaDate()}`
  await logAccess(db, { subjectId: r.subject_id, reader: '公众（回执核验）', readerKind: 'public', purpose: `核验信用承诺回执 ${r.receipt_no}`, dedupeKey })
  return { valid: true as const, ...publicView(r) }
}

/**
 * An officer's finding: 已履约 (a positive entry) or 违诺 (a negative 一般 entry); the score follows.
 * Department scope: an officer decides only on commitments of templates their department accepts
 * (commitment_templates.department = the officer's org); any other commitment is 404 to them.
 */
export async function conclude(
  db: Kysely<Database>,
  input: { id: string; outcome: '已履约' | '违诺'; reason: string; officer: { id: string; orgName: string | null } },
) {
  return inTransaction(db, async (trx) => {
    if (!(await mayDecideCommitment(trx, { department: input.officer.orgName }, input.id))) throw notFound('承诺')
    // The transition is conditional: of concurrent decisions exactly one moves 履约中 on; the
    // others wait on the row lock, see the new status and get a 409.
    const moved = await trx
      .updateTable('commitments')
      .set({ status: input.outcome, status_reason: input.reason })
      .where('id', '=', input.id)
      .where('status', '=', '履约中')
      .returning('id')
      .executeTakeFirst()
    const c = await commitmentQuery(trx).where('c.id', '=', input.id).executeTakeFirst()
    if (!c) throw notFound('承诺')
    if (!moved) throw new AppError(409, 'ALREADY_CONCLUDED', `该承诺已认定为“${c.status}”，不能重复认定`)
    const today = chinaDate()
    const breach = input.outcome === '违诺'
    const department = input.officer.orgName ?? '信用主管部门'
    const severity = breach ? ('一般' as const) : null
    const { id: recordId } = await createRecord(
      trx,
      {
        subjectId: c.subject_id, kind: '信用承诺', polarity: breach ? 'negative' : 'positive', severity,
        title: breach ? `违反信用承诺：${c.title}` : `履行信用承诺：${c.title}`, content: input.reason, department,
        documentNo: c.receipt_no, legalBasis: `《${c.title}》（第 ${c.template_version} 版）`, decisionDate: today,
      },
      { kind: 'officer', id: input.officer.id, name: department },
      breach ? '认定违反信用承诺' : '认定已履行信用承诺',
    )
    await trx.updateTable('commitments').set({ record_id: recordId }).where('id', '=', c.id).execute()
    return { id: c.id, receiptNo: c.receipt_no, status: input.outcome, recordId }
  })
}
