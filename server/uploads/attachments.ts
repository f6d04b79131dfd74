// Which case an upload belongs to, and who besides its owner may read it: the officer of that case.
// Each case kind (objection, repair, commitment, …) registers how to tell whether a user is its officer.
import type { Kysely, Transaction } from 'kysely'
import { UPLOADS_PER_CASE } from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'

/** Who asks to read a file: their user, roles, and the subject they act for (null when none). */
export interface Reader {
  userId: string
  roles: string[]
  subjectId: string | null
}

export type OfficerCheck = (db: Kysely<Database>, reader: Reader, caseId: string) => Promise<boolean>

const officerChecks = new Map<string, OfficerCheck>()

/** A case kind says who its officer is; a kind that registers nothing lets only owners read. */
export function registerCaseOfficer(caseKind: string, check: OfficerCheck) {
  officerChecks.set(caseKind, check)
}

export async function canOfficerRead(db: Kysely<Database>, reader: Reader, uploadId: string): Promise<boolean> {
  const a = await db.selectFrom('upload_attachments').select(['case_kind', 'case_id']).where('upload_id', '=', uploadId).executeTakeFirst()
  const check = a && officerChecks.get(a.case_kind)
  return check ? check(db, reader, a.case_id) : false
}

/**
 * Attaches the subject's own, still unattached uploads to a case, inside the caller's transaction.
 * Any id that is not the subject's, or already attached, refuses the whole set.
 */
export async function attachUploads(
  trx: Transaction<Database>,
  input: { subjectId: string; uploadIds: readonly string[]; caseKind: string; caseId: string },
): Promise<void> {
  const ids = [...new Set(input.uploadIds)]
  if (ids.length === 0) return
  if (ids.length !== input.uploadIds.length) throw new AppError(400, 'DUPLICATE_ATTACHMENT', '同一个文件不能重复添加')
  // Locks the rows: a concurrent attach of the same file waits here, and the purge job skips them.
  const owned = await trx.selectFrom('uploads').select('id').where('id', 'in', ids).where('subject_id', '=', input.subjectId).forUpdate().execute()
  if (owned.length !== ids.length) throw new AppError(404, 'NOT_FOUND', '附件不存在或已过期，请重新上传')
  const taken = await trx.selectFrom('upload_attachments').select('upload_id').where('upload_id', 'in', ids).execute()
  if (taken.length > 0) throw new AppError(409, 'ALREADY_ATTACHED', '附件已用于其他申请，请重新上传')
  const already = await trx
    .selectFrom('upload_attachments')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('case_kind', '=', input.caseKind)
    .where('case_id', '=', input.caseId)
    .executeTakeFirstOrThrow()
  if (Number(already.n) + ids.length > UPLOADS_PER_CASE) {
    throw new AppError(400, 'TOO_MANY_ATTACHMENTS', `每件申请最多 ${UPLOADS_PER_CASE} 个附件`)
  }
  await trx
    .insertInto('upload_attachments')
    .values(ids.map((id) => ({ upload_id: id, case_kind: input.caseKind, case_id: input.caseId })))
    .execute()
}
