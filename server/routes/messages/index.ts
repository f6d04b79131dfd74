// /api/messages: the acting subject's message centre — cursor pages with the unread count, mark
// one read, mark all read. Another subject's message is 404. Requests and answers: src/contract/messages.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { AllRead, MessagePage, MessageParams, MessageRead, MessagesQuery } from '../../../src/contract/messages'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { listMessages, markAllRead, markRead, MESSAGE_PAGE_SIZE, type Reader } from '../../messages/messages'

export default async function messageRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  async function reader(request: FastifyRequest): Promise<Reader> {
    const subject = await actingSubject(db, request)
    return { subjectId: subject.id, userId: request.user!.id, self: subject.relation === '本人' }
  }

  r.get('/api/messages', { schema: { querystring: MessagesQuery, response: { 200: MessagePage } } }, async (request) =>
    listMessages(db, await reader(request), request.query.cursor, request.query.limit ?? MESSAGE_PAGE_SIZE),
  )

  r.post('/api/messages/read-all', { config: { unitOfWork: true }, schema: { response: { 200: AllRead } } }, async (request, reply) => {
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await markAllRead(trx, who)) satisfies AllRead }))
  })

  r.post('/api/messages/:id/read', { config: { unitOfWork: true }, schema: { response: { 200: MessageRead } } }, async (request, reply) => {
    const { id } = parse(MessageParams, request.params)
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await markRead(trx, who, id)) satisfies MessageRead }))
  })
}
