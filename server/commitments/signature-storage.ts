// Commitment signatures live in the storage adapter as uploads owned by the signing subject and
// attached to their commitment. Rows signed before that (bytes in commitments.signature_png) are
// moved at startup; until then they are served from the database.
import type { Kysely } from 'kysely'
import type { ObjectStorage } from '../adapters/storage'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'
import { officerOf } from '../officers/scope'
import { attachUploads, registerCaseOfficer } from '../uploads/attachments'
import { saveUpload } from '../uploads/uploads'
import { mayDecideCommitment } from './decider'

export const COMMITMENT_CASE = 'commitment'

// What was signed is read by the officers who may decide the commitment (./decider), no others.
registerCaseOfficer(COMMITMENT_CASE, async (db, reader, commitmentId) =>
  reader.roles.includes('officer') && mayDecideCommitment(db, await officerOf(db, reader.userId), commitmentId),
)

class AlreadyMoved extends Error {}

/** Moves every signature still held in the database to storage; safe with several instances starting at once. */
export async function moveLegacySignatures(db: Kysely<Database>, storage: ObjectStorage): Promise<number> {
  let moved = 0
  let after = ''
  for (;;) {
    const rows = await db
      .selectFrom('commitments')
      .select(['id', 'subject_id', 'signer_user_id', 'signature_png'])
      .where('signature_upload_id', 'is', null)
      .where('signature_png', 'is not', null)
      .where('id', '>', after)
      .orderBy('id')
      .limit(50)
      .execute()
    if (rows.length === 0) return moved
    for (const row of rows) {
      after = row.id
      try {
        await saveUpload(db, storage, { subjectId: row.subject_id, uploaderUserId: row.signer_user_id, data: Buffer.from(row.signature_png!), purpose: 'signature' }, async (trx, upload) => {
          const updated = await trx
            .updateTable('commitments')
            .set({ signature_upload_id: upload.id, signature_png: null })
            .where('id', '=', row.id)
            .where('signature_upload_id', 'is', null)
            .executeTakeFirst()
          // Another instance moved it first: roll back, and saveUpload removes our copy.
          if (Number(updated.numUpdatedRows) === 0) throw new AlreadyMoved()
          await attachUploads(trx, { subjectId: row.subject_id, uploadIds: [upload.id], caseKind: COMMITMENT_CASE, caseId: row.id })
        })
        moved++
      } catch (e) {
        // A stored image the upload checks refuse stays where it is (and is still served); the rest move.
        if (!(e instanceof AlreadyMoved) && !(e instanceof AppError && e.status < 500)) throw e
      }
    }
  }
}

/** The signature's bytes: from storage, or from the database for a row not moved yet. */
export async function signatureBytes(db: Kysely<Database>, storage: ObjectStorage, row: { signature_upload_id: string | null; signature_png: Buffer | null }) {
  if (!row.signature_upload_id) return row.signature_png
  const upload = await db.selectFrom('uploads').select('storage_key').where('id', '=', row.signature_upload_id).executeTakeFirstOrThrow()
  return storage.get(upload.storage_key)
}
