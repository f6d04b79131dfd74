// /api/organizer/*: role 'organizer' publishes 公益任务, sees their bookings, shows the site's
// rotating check-in code, confirms or corrects attendance, cancels a task and issues 时长码 (each
// write audited).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import { attendanceBody, cursorQuery, hourCodeIssueBody, idParam, taskBody, taskCancelBody } from '../../../src/contract/public-service'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { confirmAttendance, siteCode } from '../../public-service/attendance'
import { cancelTask } from '../../public-service/cancel-task'
import { issueHourCode } from '../../public-service/hour-codes'
import { organizerTasks, publishTask, taskAttendees } from '../../public-service/tasks'

export default async function organizerRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const templates = () => config.messageTemplates
  const write = { config: { unitOfWork: true } }
  const taskId = (r: FastifyRequest) => parse(idParam('公益任务'), r.params).id
  const organizerId = (r: FastifyRequest) => r.user!.id
  app.addHook('onRequest', requireAuth(config.jwtSecret))
  app.addHook('preHandler', requireRole('organizer'))

  app.post('/api/organizer/tasks', write, async (request, reply) => {
    const body = parse(taskBody, request.body)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await publishTask(trx, { id: organizerId(request) }, body, ctx.now()) }))
  })

  app.get('/api/organizer/tasks', async (request) => organizerTasks(db, organizerId(request), parse(cursorQuery, request.query).cursor))

  app.get('/api/organizer/tasks/:id/bookings', async (request) => taskAttendees(db, organizerId(request), taskId(request)))

  app.get('/api/organizer/tasks/:id/site-code', async (request) => siteCode(db, config.jwtSecret, organizerId(request), taskId(request), ctx.now()))

  app.post('/api/organizer/tasks/:id/attendance', write, async (request, reply) => {
    const body = parse(attendanceBody, request.body)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({
      status: 200, body: await confirmAttendance(trx, templates(), { organizerId: organizerId(request), taskId: id, bookingId: body.bookingId, hours: body.hours }, ctx.now()),
    }))
  })

  app.post('/api/organizer/tasks/:id/cancel', write, async (request, reply) => {
    const { reason } = parse(taskCancelBody, request.body)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await cancelTask(trx, templates(), { organizerId: organizerId(request), taskId: id, reason }, ctx.now()) }))
  })

  app.post('/api/organizer/hour-codes', write, async (request, reply) => {
    const body = parse(hourCodeIssueBody, request.body)
    const user = await db.selectFrom('users').select('org_name').where('id', '=', organizerId(request)).executeTakeFirstOrThrow()
    const input = { organizerId: organizerId(request), organization: user.org_name ?? '公益组织', hours: body.hours, note: body.note }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await issueHourCode(trx, config.jwtSecret, input, ctx.now()) }))
  })
}
