// /api/messages: the acting subject's message centre — cursor pages with the unread count, mark
// one read, mark all read. Another subject's message is 404.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { z } from 'zod'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { listMessages, markAllRead, markRead, MESSAGE_PAGE_SIZE, type Reader } from '../../messages/messages'

const listQuery = z.object({
  cursor: z.string().max(200, { error: '分页参数无效，请刷新列表' }).optional(),
  limit: z.coerce.number({ error: '每页条数不正确' }).int({ error: '每页条数不正确' }).min(1, { error: '每页条数不正确' }).max(50, { error: '每页最多 50 条' }).optional(),
})
const idParams = z.object({ id: z.string().min(1).max(64, { error: '消息编号不正确' }) })

export default async function messageRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  async function reader(request: FastifyRequest): Promise<Reader> {
    const subject = await actingSubject(db, request)
    return { subjectId: subject.id, userId: request.user!.id, self: subject.relation === '本人' }
  }

  app.get('/api/messages', async (request) => {
    const q = parse(listQuery, request.query)
    return listMessages(db, await reader(request), q.cursor, q.limit ?? MESSAGE_PAGE_SIZE)
  })

  const write = { config: { unitOfWork: true } }

  app.post('/api/messages/read-all', write, async (request, reply) => {
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await markAllRead(trx, who) }))
  })

  app.post('/api/messages/:id/read', write, async (request, reply) => {
    const { id } = parse(idParams, request.params)
    const who = await reader(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await markRead(trx, who, id) }))
  })
}
