// /api/officer/calendar: which years' holiday arrangements are official, and loading a newly published one.
// Requests and answers: src/contract/calendar.ts.
import type { FastifyInstance } from 'fastify'
import { CalendarArrangement, CalendarLoaded, CalendarYearParams, CalendarYears } from '../../../src/contract/calendar'
import { chinaDate } from '../../../src/domain/dates'
import { staffMember } from '../../auth/staff'
import type { AppContext } from '../../context'
import { calendarYears, loadOfficialYear } from '../../calendar/calendar'
import { requireAuth, requireRole } from '../../http/auth'
import { onContract } from '../../http/contract'
import { inUnitOfWork } from '../../http/idempotency'
import { parse } from '../../http/validate'

export default async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  // The role is checked on request, before the path or the body is looked at.
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  r.addHook('onRequest', requireRole('officer'))

  r.get('/api/officer/calendar', { schema: { response: { 200: CalendarYears } } }, async () => ({ items: await calendarYears(db, Number(chinaDate().slice(0, 4))) }))

  r.post('/api/officer/calendar/:year', { config: { unitOfWork: true }, schema: { response: { 200: CalendarLoaded } } }, async (request, reply) => {
    const { year } = parse(CalendarYearParams, request.params)
    const body = parse(CalendarArrangement, request.body)
    const officer = await staffMember(db, request.user!.id)
    const input = { year, holidays: body.holidays, workdays: body.workdays, loadedBy: officer.orgName ?? officer.id }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: (await loadOfficialYear(trx, input)) satisfies CalendarLoaded }))
  })
}
