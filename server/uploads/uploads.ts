// Uploaded files: accepted by content (JPEG, PNG, PDF), stored through the storage adapter under a
// server-made key, owned by the acting subject, readable by its owner and by the officer of its case.
import crypto from 'node:crypto'
import type { Kysely, Transaction } from 'kysely'
import { sql } from 'kysely'
import { UNATTACHED_UPLOAD_TTL_HOURS, UPLOAD_MAX_BYTES, UPLOAD_TYPES, UPLOADS_PER_USER_PER_DAY, type UploadType } from '../../src/domain/policy'
import type { ObjectStorage } from '../adapters/storage'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError, notFound } from '../http/errors'
import { canOfficerRead, type Reader } from './attachments'

export interface Upload {
  id: string
  type: UploadType
  size: number
  sha256: string
}

const EXTENSIONS: Record<UploadType, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'application/pdf': 'pdf' }
const TYPE_NAMES = '（JPG、PNG 图片或 PDF 文件）'

// file-type is ESM only; this CommonJS server loads it once, on first use.
const loadFileType = () => import('file-type')
let fileType: ReturnType<typeof loadFileType> | undefined
async function detectType(data: Buffer): Promise<UploadType | undefined> {
  const { fileTypeFromBuffer } = await (fileType ??= loadFileType())
  const found = await fileTypeFromBuffer(data)
  return UPLOAD_TYPES.find((t) => t === found?.mime)
}

/** The checks every stored file passes, whatever a name or a declared type claims. */
export async function checkContent(data: Buffer): Promise<Upload & { key: string }> {
  if (data.length === 0) throw new AppError(400, 'EMPTY_FILE', '文件是空的，请重新选择文件')
  if (data.length > UPLOAD_MAX_BYTES) throw tooLarge()
  const type = await detectType(data)
  if (!type) throw new AppError(415, 'UNSUPPORTED_FILE_TYPE', `不支持该文件类型，只能上传${TYPE_NAMES}`)
  const id = crypto.randomUUID()
  return { id, key: id, type, size: data.length, sha256: crypto.createHash('sha256').update(data).digest('hex') }
}

export const tooLarge = () => new AppError(413, 'FILE_TOO_LARGE', `文件不能超过 ${UPLOAD_MAX_BYTES / 1024 / 1024} MB`)

/** A file checked and put in storage, not yet recorded: `recordUpload` keeps it, `discard` removes it. */
export interface StagedUpload {
  upload: Upload
  key: string
  discard(): Promise<void>
}

/** Checks the bytes and puts them in storage — before any transaction, so no network I/O runs inside one. */
export async function stageUpload(storage: ObjectStorage, data: Buffer): Promise<StagedUpload> {
  const { key, ...upload } = await checkContent(data)
  await storage.put(key, data, upload.type)
  return { upload, key, discard: () => storage.delete(key).catch(() => undefined) }
}

/**
 * Records a staged file in the caller's transaction (or a new one): the row, the daily limit and
 * whatever `within` adds commit together. The caller discards the staged file if this does not commit.
 */
export async function recordUpload<T = Upload>(
  db: Kysely<Database>,
  staged: StagedUpload,
  input: { subjectId: string; uploaderUserId: string; purpose: 'evidence' | 'signature' },
  within?: (trx: Transaction<Database>, upload: Upload) => Promise<T>,
): Promise<T> {
  const { upload, key } = staged
  return inTransaction(db, async (trx) => {
    if (input.purpose === 'evidence') await checkDailyLimit(trx, input.uploaderUserId)
    await trx
      .insertInto('uploads')
      .values({
        id: upload.id, subject_id: input.subjectId, uploader_user_id: input.uploaderUserId, purpose: input.purpose,
        storage_key: key, content_type: upload.type, size: upload.size, sha256: upload.sha256, created_at: new Date(),
      })
      .execute()
    return within ? within(trx, upload) : (upload as T)
  })
}

/**
 * Stores a file and records it in one go; if recording fails the stored object is removed again,
 * so a refused or failed upload leaves nothing behind.
 */
export async function saveUpload<T = Upload>(
  db: Kysely<Database>,
  storage: ObjectStorage,
  input: { subjectId: string; uploaderUserId: string; data: Buffer; purpose: 'evidence' | 'signature' },
  within?: (trx: Transaction<Database>, upload: Upload) => Promise<T>,
): Promise<T> {
  const staged = await stageUpload(storage, input.data)
  try {
    return await recordUpload(db, staged, input, within)
  } catch (e) {
    await staged.discard()
    throw e
  }
}

/** Serialised per user (an advisory lock), so simultaneous uploads cannot overshoot the limit. */
async function checkDailyLimit(trx: Transaction<Database>, userId: string) {
  await sql`select pg_advisory_xact_lock(hashtext(${`uploads:${userId}`}))`.execute(trx)
  const since = new Date(Date.now() - 24 * 3600_000)
  const row = await trx
    .selectFrom('uploads')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('uploader_user_id', '=', userId)
    .where('purpose', '=', 'evidence')
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow()
  if (Number(row.n) >= UPLOADS_PER_USER_PER_DAY) {
    throw new AppError(429, 'UPLOAD_LIMIT_REACHED', `24 小时内最多上传 ${UPLOADS_PER_USER_PER_DAY} 个文件，请稍后再试`)
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** The file for a reader who may see it; anyone else (and any unknown id) gets the same 404. */
export async function readUpload(db: Kysely<Database>, storage: ObjectStorage, id: string, reader: Reader) {
  if (!UUID.test(id)) throw notFound('文件')
  const row = await db.selectFrom('uploads').select(['id', 'subject_id', 'storage_key', 'content_type']).where('id', '=', id).executeTakeFirst()
  if (!row) throw notFound('文件')
  const allowed = (reader.subjectId !== null && row.subject_id === reader.subjectId) || (await canOfficerRead(db, reader, row.id))
  if (!allowed) throw notFound('文件')
  const data = await storage.get(row.storage_key)
  if (!data) throw new AppError(410, 'FILE_GONE', '文件已被清理，请重新上传')
  return { data, type: row.content_type, fileName: `${row.id}.${EXTENSIONS[row.content_type]}` }
}

/**
 * Removes uploads that no case took within UNATTACHED_UPLOAD_TTL_HOURS: the rows first (so nothing
 * points at a missing object), then their objects. Called by the job worker.
 */
export async function purgeUnattachedUploads(db: Kysely<Database>, storage: ObjectStorage, now = new Date()): Promise<number> {
  const cutoff = new Date(now.getTime() - UNATTACHED_UPLOAD_TTL_HOURS * 3600_000)
  let removed = 0
  for (;;) {
    const keys = await db.transaction().execute(async (trx) => {
      // SKIP LOCKED: an upload being attached right now (attachUploads locks it) is left for the next run.
      const ids = await trx
        .selectFrom('uploads as u')
        .select('u.id')
        .where('u.created_at', '<', cutoff)
        .where(({ not, exists, selectFrom }) => not(exists(selectFrom('upload_attachments as a').select('a.upload_id').whereRef('a.upload_id', '=', 'u.id'))))
        .limit(200)
        .forUpdate()
        .skipLocked()
        .execute()
      if (ids.length === 0) return []
      const gone = await trx.deleteFrom('uploads').where('id', 'in', ids.map((r) => r.id)).returning('storage_key').execute()
      return gone.map((r) => r.storage_key)
    })
    if (keys.length === 0) return removed
    for (const key of keys) await storage.delete(key)
    removed += keys.length
  }
}
