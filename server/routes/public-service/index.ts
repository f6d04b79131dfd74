// /api/public-service/*: the acting citizen browses and books 公益任务, checks in and out at the
// site with its rotating code, redeems 时长码 and reads 我的公益时长.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { cursorQuery, hourCodeRedeemBody, idParam, siteCodeBody, taskListQuery } from '../../../src/contract/public-service'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { AppError } from '../../http/errors'
import { parse } from '../../http/validate'
import { checkInOrOut } from '../../public-service/attendance'
import { bookTask, cancelBooking, myBookingList } from '../../public-service/bookings'
import { redeemHourCode } from '../../public-service/hour-codes'
import { hoursSummary } from '../../public-service/ledger'
import { getTask, listOpenTasks } from '../../public-service/tasks'

export default async function publicServiceRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const templates = () => config.messageTemplates
  const write = { config: { unitOfWork: true } }
  const taskId = (r: FastifyRequest) => parse(idParam('公益任务'), r.params).id
  app.addHook('onRequest', requireAuth(config.jwtSecret))
  // Volunteer hours are a person's: an agent acting for an enterprise books and redeems as themself.
  const person = async (request: FastifyRequest) => {
    const subject = await actingSubject(db, request)
    if (subject.kind !== 'person') throw new AppError(400, 'PERSON_ONLY', '公益服务以个人身份参加，请先切换回本人再报名、签到或兑换时长码')
    return subject
  }

  app.get('/api/public-service/tasks', async (request) => {
    const subject = await actingSubject(db, request)
    return listOpenTasks(db, subject.id, parse(taskListQuery, request.query), ctx.now())
  })

  app.get('/api/public-service/tasks/:id', async (request) => {
    const subject = await actingSubject(db, request)
    return getTask(db, subject.id, taskId(request), ctx.now())
  })

  app.post('/api/public-service/tasks/:id/bookings', write, async (request, reply) => {
    const subject = await person(request)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await bookTask(trx, templates(), { subjectId: subject.id, userId: request.user!.id, taskId: id }, ctx.now()) }))
  })

  app.get('/api/public-service/bookings', async (request) => {
    const subject = await actingSubject(db, request)
    return myBookingList(db, subject.id, parse(cursorQuery, request.query).cursor, ctx.now())
  })

  app.post('/api/public-service/bookings/:id/cancel', write, async (request, reply) => {
    const subject = await actingSubject(db, request)
    const bookingId = parse(idParam('预约'), request.params).id
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await cancelBooking(trx, { subjectId: subject.id, bookingId }, ctx.now()) }))
  })

  for (const direction of ['in', 'out'] as const) {
    app.post(`/api/public-service/check-${direction}`, write, async (request, reply) => {
      const subject = await person(request)
      const { code } = parse(siteCodeBody, request.body)
      return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await checkInOrOut(trx, config.jwtSecret, { subjectId: subject.id, code, direction }, ctx.now()) }))
    })
  }

  app.post('/api/public-service/hour-codes/redeem', write, async (request, reply) => {
    const subject = await person(request)
    const { code } = parse(hourCodeRedeemBody, request.body)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await redeemHourCode(trx, config.jwtSecret, templates(), { subjectId: subject.id, userId: request.user!.id, code }, ctx.now()) }))
  })

  app.get('/api/public-service/hours', async (request) => {
    const subject = await actingSubject(db, request)
    return hoursSummary(db, subject.id, parse(cursorQuery, request.query).cursor)
  })
}
