// /api/public-service/*: the acting citizen browses and books 公益任务, checks in and out at the
// site with its rotating code, redeems 时长码 and reads 我的公益时长.
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  AttendanceResult, cursorQuery, HourCodeRedeemed, hourCodeRedeemBody, HoursSummary, idParam, ServiceBooking, ServiceBookingPage, ServiceTask, ServiceTaskPage, siteCodeBody,
  taskListQuery,
} from '../../../src/contract/public-service'
import type { AppContext } from '../../context'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
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
  const r = onContract(app, ctx)
  // Writes read `:id` in the handler, after the Idempotency-Key check (http/contract).
  const write = (response: object) => ({ config: { unitOfWork: true }, schema: { response } })
  const taskParams = idParam('公益任务')
  const taskId = (request: FastifyRequest) => parse(taskParams, request.params).id
  r.addHook('onRequest', requireAuth(config.jwtSecret))
  // Volunteer hours are a person's: an agent acting for an enterprise books and redeems as themself.
  const person = async (request: FastifyRequest) => {
    const subject = await actingSubject(db, request)
    if (subject.kind !== 'person') throw new AppError(400, 'PERSON_ONLY', '公益服务以个人身份参加，请先切换回本人再报名、签到或兑换时长码')
    return subject
  }

  r.get('/api/public-service/tasks', { schema: { querystring: taskListQuery, response: { 200: ServiceTaskPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return listOpenTasks(db, subject.id, request.query, ctx.now())
  })

  r.get('/api/public-service/tasks/:id', { schema: { params: taskParams, response: { 200: ServiceTask } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return getTask(db, subject.id, request.params.id, ctx.now())
  })

  r.post('/api/public-service/tasks/:id/bookings', write({ 201: ServiceBooking }), async (request, reply) => {
    const subject = await person(request)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await bookTask(trx, templates(), { subjectId: subject.id, userId: request.user!.id, taskId: id }, ctx.now()) }))
  })

  r.get('/api/public-service/bookings', { schema: { querystring: cursorQuery, response: { 200: ServiceBookingPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return myBookingList(db, subject.id, request.query.cursor, ctx.now())
  })

  r.post('/api/public-service/bookings/:id/cancel', write({ 200: ServiceBooking }), async (request, reply) => {
    const subject = await actingSubject(db, request)
    const bookingId = parse(idParam('预约'), request.params).id
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await cancelBooking(trx, { subjectId: subject.id, bookingId }, ctx.now()) }))
  })

  for (const direction of ['in', 'out'] as const) {
    r.post(`/api/public-service/check-${direction}`, write({ 200: AttendanceResult }), async (request, reply) => {
      const subject = await person(request)
      const { code } = parse(siteCodeBody, request.body)
      return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await checkInOrOut(trx, config.jwtSecret, { subjectId: subject.id, code, direction }, ctx.now()) }))
    })
  }

  r.post('/api/public-service/hour-codes/redeem', write({ 200: HourCodeRedeemed }), async (request, reply) => {
    const subject = await person(request)
    const { code } = parse(hourCodeRedeemBody, request.body)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await redeemHourCode(trx, config.jwtSecret, templates(), { subjectId: subject.id, userId: request.user!.id, code }, ctx.now()) }))
  })

  r.get('/api/public-service/hours', { schema: { querystring: cursorQuery, response: { 200: HoursSummary } } }, async (request) => {
    const subject = await actingSubject(db, request)
    return hoursSummary(db, subject.id, request.query.cursor)
  })
}
