// /api/commitments/*: templates, signing, my commitments (the acting subject: a person or an enterprise).
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { COMMITMENT_KINDS } from '../../../src/domain/policy'
import type { AppContext } from '../../context'
import { getCommitment, latestTemplates, listMine, sign, signatureImage, templateDetail } from '../../commitments/commitments'
import { decodeSignature } from '../../commitments/signature'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'
import { stageUpload } from '../../uploads/uploads'

const signBody = z.object({
  templateId: text('承诺书', 64),
  version: z.number({ error: '承诺书版本不正确' }).int({ error: '承诺书版本不正确' }).min(1, { error: '承诺书版本不正确' }),
  textSha256: z.string({ error: '缺少承诺书内容校验值' }).regex(/^[0-9a-f]{64}$/, { error: '承诺书内容校验值不正确' }),
  agreed: z.literal(true, { error: '请先勾选“我已阅读并同意”' }),
  signaturePng: z.unknown().optional(),
})

export default async function commitmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, storage } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/commitments/templates', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ kind: z.enum(COMMITMENT_KINDS, { error: '承诺类型不正确' }).optional() }), request.query)
    return { items: await latestTemplates(db, subject.kind, q.kind), nextCursor: null }
  })

  app.get('/api/commitments/templates/:id', async (request) => {
    await actingSubject(db, request)
    return templateDetail(db, (request.params as { id: string }).id)
  })

  app.post('/api/commitments', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(signBody, request.body)
    // The image goes to storage before the transaction opens; it is removed if the signing does not commit.
    const signature = await stageUpload(storage, await decodeSignature(body.signaturePng))
    const input = { subject, signerUserId: request.user!.id, templateId: body.templateId, version: body.version, textSha256: body.textSha256 }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await sign(trx, signature, input) }), { discard: signature.discard })
  })

  app.get('/api/commitments', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(z.object({ cursor: z.string().max(300).optional() }), request.query)
    return listMine(db, subject.id, q.cursor)
  })

  app.get('/api/commitments/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getCommitment(db, subject.id, (request.params as { id: string }).id)
  })

  app.get('/api/commitments/:id/signature.png', async (request, reply) => {
    const subject = await actingSubject(db, request)
    const png = await signatureImage(db, storage, subject.id, (request.params as { id: string }).id)
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png)
  })
}
