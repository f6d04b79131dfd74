// /api/uploads: evidence files (multipart, one file in field `file`) and reading them back.
// Params and answers: src/contract/uploads.ts.
import multipart from '@fastify/multipart'
import type { FastifyInstance, FastifyRequest } from 'fastify'
import type { Kysely } from 'kysely'
import { UploadParams, UploadResult } from '../../../src/contract/uploads'
import type { AppContext } from '../../context'
import type { Database } from '../../db/schema'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { AppError } from '../../http/errors'
import { bindFileToIdempotency, inUnitOfWork } from '../../http/idempotency'
import { readUpload, recordUpload, stageUpload } from '../../uploads/uploads'
import { readSingleFile } from './single-file'

/** The subject the reader acts for, or null for a user without one (an officer without real name). */
async function readerSubject(db: Kysely<Database>, request: FastifyRequest): Promise<string | null> {
  try {
    return (await actingSubject(db, request)).id
  } catch (e) {
    if (e instanceof AppError && e.code === 'REAL_NAME_REQUIRED') return null
    throw e
  }
}

export default async function uploadRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, storage } = ctx
  // Only this route tree parses multipart; the rest of the API stays JSON only.
  await app.register(multipart, { throwFileSizeLimit: false })
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  // The Idempotency-Key's hash covers the file's bytes: the same key with another file is 422.
  r.post('/api/uploads', { config: { unitOfWork: 'file' }, schema: { response: { 201: UploadResult } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const data = await readSingleFile(request)
    if (await bindFileToIdempotency(request, reply, db, data)) return reply
    const staged = await stageUpload(storage, data)
    const owner = { subjectId: subject.id, uploaderUserId: request.user!.id, purpose: 'evidence' as const }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: (await recordUpload(trx, staged, owner)) satisfies UploadResult }), { discard: staged.discard })
  })

  // The file itself (bytes, no JSON answer to declare).
  r.get('/api/uploads/:id', { schema: { params: UploadParams } }, async (request, reply) => {
    const reader = { userId: request.user!.id, roles: request.user!.roles, subjectId: await readerSubject(db, request) }
    const file = await readUpload(db, storage, request.params.id, reader)
    return reply
      .type(file.type)
      .header('cache-control', 'private, no-store')
      .header('content-disposition', `attachment; filename="${file.fileName}"`)
      // Whatever a file contains, it never runs as a page of this origin.
      .header('content-security-policy', "default-src 'none'; sandbox")
      .send(file.data)
  })
}
