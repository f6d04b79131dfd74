// /api/commitments/*: templates, signing, my commitments (the acting subject: a person or an enterprise).
// Requests and answers: src/contract/commitments.ts.
import type { FastifyInstance } from 'fastify'
import {
  CommitmentDetail, CommitmentPage, CommitmentParams, CommitmentTemplate, MyCommitmentsQuery, SignBody, TemplatePage, TemplateParams, TemplatesQuery,
} from '../../../src/contract/commitments'
import type { AppContext } from '../../context'
import { getCommitment, latestTemplates, listMine, sign, signatureImage, templateDetail } from '../../commitments/commitments'
import { decodeSignature } from '../../commitments/signature'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { stageUpload } from '../../uploads/uploads'

export default async function commitmentRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, storage } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.get('/api/commitments/templates', { schema: { querystring: TemplatesQuery, response: { 200: TemplatePage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return { items: await latestTemplates(db, subject.kind, request.query.kind), nextCursor: null }
  })

  r.get('/api/commitments/templates/:id', { schema: { params: TemplateParams, response: { 200: CommitmentTemplate } } }, async (request) => {
    await actingSubject(db, request)
    return templateDetail(db, request.params.id)
  })

  r.post('/api/commitments', { config: { unitOfWork: true }, schema: { response: { 201: CommitmentDetail } } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const body = parse(SignBody, request.body)
    // The image goes to storage before the transaction opens; it is removed if the signing does not commit.
    const signature = await stageUpload(storage, await decodeSignature(body.signaturePng))
    const input = { subject, signerUserId: request.user!.id, templateId: body.templateId, version: body.version, textSha256: body.textSha256 }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: (await sign(trx, signature, input)) satisfies CommitmentDetail }), { discard: signature.discard })
  })

  r.get('/api/commitments', { schema: { querystring: MyCommitmentsQuery, response: { 200: CommitmentPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listMine(db, subject.id, request.query.cursor)
  })

  r.get('/api/commitments/:id', { schema: { params: CommitmentParams, response: { 200: CommitmentDetail } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getCommitment(db, subject.id, request.params.id)
  })

  // The signature image (bytes, no JSON answer to declare).
  r.get('/api/commitments/:id/signature.png', { schema: { params: CommitmentParams } }, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const png = await signatureImage(db, storage, subject.id, request.params.id)
    return reply.type('image/png').header('cache-control', 'private, no-store').send(png)
  })
}
