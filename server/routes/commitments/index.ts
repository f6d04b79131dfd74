// /api/commitments/*: templates, signing, my commitments (the acting subject: a person or an enterprise).
// Requests and answers: src/contract/commitments.ts.
import type { FastifyInstance } from 'fastify'
import {
  CommitmentParams, MyCommitmentsQuery, SignBody, TemplateParams, TemplatesQuery,
  type Commitment, type CommitmentDetail, type CommitmentTemplate, type TemplateSummary,
} from '../../../src/contract/commitments'
import type { Page } from '../../../src/contract/common'
import type { AppContext } from '../../context'
import { getCommitment, latestTemplates, listMine, sign, signatureImage, templateDetail } from '../../commitments/commitments'
import { decodeSignature } from '../../commitments/signature'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { stageUpload } from '../../uploads/uploads'

export default async function commitmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, storage } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/commitments/templates', async (request): Promise<Page<TemplateSummary>> => {
    const subject = await actingSubject(db, request)
    const q = parse(TemplatesQuery, request.query)
    return { items: await latestTemplates(db, subject.kind, q.kind), nextCursor: null }
  })

  app.get('/api/commitments/templates/:id', async (request): Promise<CommitmentTemplate> => {
    await actingSubject(db, request)
    return templateDetail(db, parse(TemplateParams, request.params).id)
  })

  app.post('/api/commitments', { config: { unitOfWork: true } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(SignBody, request.body)
    // The image goes to storage before the transaction opens; it is removed if the signing does not commit.
    const signature = await stageUpload(storage, await decodeSignature(body.signaturePng))
    const input = { subject, signerUserId: request.user!.id, templateId: body.templateId, version: body.version, textSha256: body.textSha256 }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: (await sign(trx, signature, input)) satisfies CommitmentDetail }), { discard: signature.discard })
  })

  app.get('/api/commitments', async (request): Promise<Page<Commitment>> => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, parse(MyCommitmentsQuery, request.query).cursor)
  })

  app.get('/api/commitments/:id', async (request): Promise<CommitmentDetail> => {
    const subject = await actingSubject(db, request)
    return getCommitment(db, subject.id, parse(CommitmentParams, request.params).id)
  })

  app.get('/api/commitments/:id/signature.png', async (request, reply) => {
    const subject = await actingSubject(db, request)
    const png = await signatureImage(db, storage, subject.id, parse(CommitmentParams, request.params).id)
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png)
  })
}
