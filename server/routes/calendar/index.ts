// /api/officer/calendar: which years' holiday arrangements are official, and loading a newly published one.
// Requests and answers: src/contract/calendar.ts.
import type { FastifyInstance } from 'fastify'
import { CalendarArrangement, CalendarYearParams, type CalendarLoaded, type CalendarYears } from '../../../src/contract/calendar'
import { chinaDate } from '../../../src/domain/dates'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { calendarYears, loadOfficialYear } from '../../calendar/calendar'
import { requireAuth, requireRole } from '../../http/auth'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

export default async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  app.addHook('preHandler', requireRole('officer'))

  app.get('/api/officer/calendar', async (): Promise<CalendarYears> => ({ items: await calendarYears(db, Number(chinaDate().slice(0, 4))) }))

  app.post('/api/officer/calendar/:year', { config: { unitOfWork: true } }, async (request, reply) => {
    const { year } = parse(CalendarYearParams, request.params)
    const body = parse(CalendarArrangement, request.body)
    const officer = await staffMember(db, request.user!.id)
    const input = { year, holidays: body.holidays, workdays: body.workdays, loadedBy: officer.orgName ?? officer.id }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await loadOfficialYear(trx, input)) satisfies CalendarLoaded }))
  })
}
