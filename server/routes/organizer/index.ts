// /api/organizer/*: role 'organizer' publishes 公益任务, sees their bookings, shows the site's
// rotating check-in code, confirms or corrects attendance, cancels a task and issues 时长码 (each
// write audited).
import type { FastifyInstance, FastifyRequest } from 'fastify'
import {
  attendanceBody, cursorQuery, HourCodeIssued, hourCodeIssueBody, idParam, OrganizerTask, OrganizerTaskPage, SiteCode, TaskAttendee, TaskAttendees, taskBody, taskCancelBody,
} from '../../../src/contract/public-service'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'
import { confirmAttendance, siteCode } from '../../public-service/attendance'
import { cancelTask } from '../../public-service/cancel-task'
import { issueHourCode } from '../../public-service/hour-codes'
import { organizerTasks, publishTask, taskAttendees } from '../../public-service/tasks'

export default async function organizerRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db, config } = ctx
  const templates = () => config.messageTemplates
  const r = onContract(app, ctx)
  // Writes read `:id` in the handler, after the role and Idempotency-Key checks (http/contract).
  const write = (response: object) => ({ config: { unitOfWork: true }, schema: { response } })
  const taskParams = idParam('公益任务')
  const taskId = (request: FastifyRequest) => parse(taskParams, request.params).id
  const organizerId = (request: FastifyRequest) => request.user!.id
  // The role is checked on request, before the query, the params or the body are looked at.
  r.addHook('onRequest', requireAuth(config.jwtSecret))
  r.addHook('onRequest', requireRole('organizer'))

  r.post('/api/organizer/tasks', write({ 201: OrganizerTask }), async (request, reply) => {
    const body = parse(taskBody, request.body)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await publishTask(trx, { id: organizerId(request) }, body, ctx.now()) }))
  })

  r.get('/api/organizer/tasks', { schema: { querystring: cursorQuery, response: { 200: OrganizerTaskPage } } }, async (request) => organizerTasks(db, organizerId(request), request.query.cursor))

  r.get('/api/organizer/tasks/:id/bookings', { schema: { params: taskParams, response: { 200: TaskAttendees } } }, async (request) => taskAttendees(db, organizerId(request), request.params.id))

  r.get('/api/organizer/tasks/:id/site-code', { schema: { params: taskParams, response: { 200: SiteCode } } }, async (request) => siteCode(db, config.jwtSecret, organizerId(request), request.params.id, ctx.now()))

  r.post('/api/organizer/tasks/:id/attendance', write({ 200: TaskAttendee }), async (request, reply) => {
    const body = parse(attendanceBody, request.body)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({
      status: 200, body: await confirmAttendance(trx, templates(), { organizerId: organizerId(request), taskId: id, bookingId: body.bookingId, hours: body.hours }, ctx.now()),
    }))
  })

  r.post('/api/organizer/tasks/:id/cancel', write({ 200: OrganizerTask }), async (request, reply) => {
    const { reason } = parse(taskCancelBody, request.body)
    const id = taskId(request)
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await cancelTask(trx, templates(), { organizerId: organizerId(request), taskId: id, reason }, ctx.now()) }))
  })

  r.post('/api/organizer/hour-codes', write({ 201: HourCodeIssued }), async (request, reply) => {
    const body = parse(hourCodeIssueBody, request.body)
    const organizer = await staffMember(db, organizerId(request))
    const input = { organizerId: organizer.id, organization: organizer.orgName ?? '公益组织', hours: body.hours, note: body.note }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 201, body: await issueHourCode(trx, config.jwtSecret, input, ctx.now()) }))
  })
}
