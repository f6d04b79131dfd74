// /api/messages: the acting subject's message centre — cursor pages with the unread count, mark
// one read, mark all read. Another subject's message is 404. Requests and answers: src/contract/messages.ts.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { MessageParams, MessagesQuery, type AllRead, type MessagePage, type MessageRead } from '../../../src/contract/messages'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { listMessages, markAllRead, markRead, MESSAGE_PAGE_SIZE, type Reader } from '../../messages/messages'

export default async function messageRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  async function reader(request: FastifyRequest): Promise<Reader> {
    const subject = await actingSubject(db, request)
    return { subjectId: subject.id, userId: request.user!.id, self: subject.relation === '本人' }
  }

  app.get('/api/messages', async (request): Promise<MessagePage> => {
    const q = parse(MessagesQuery, request.query)
    return listMessages(db, await reader(request), q.cursor, q.limit ?? MESSAGE_PAGE_SIZE)
  })

  const write = { config: { unitOfWork: true } }

  app.post('/api/messages/read-all', write, async (request, reply) => {
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await markAllRead(trx, who)) satisfies AllRead }))
  })

  app.post('/api/messages/:id/read', write, async (request, reply) => {
    const { id } = parse(MessageParams, request.params)
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await markRead(trx, who, id)) satisfies MessageRead }))
  })
}
