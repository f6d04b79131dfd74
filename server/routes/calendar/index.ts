// /api/officer/calendar: which years' holiday arrangements are official, and loading a newly published one.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { addCalendarDays, chinaDate, isCalendarDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { calendarYears, loadOfficialYear } from '../../calendar/calendar'
import { requireAuth, requireRole } from '../../http/auth'
import { AppError } from '../../http/errors'
import { inUnitOfWork } from '../../http/idempotency'
import { parse, text } from '../../http/validate'

const day = z.string({ error: '日期格式应为 YYYY-MM-DD' }).refine(isCalendarDate, { error: '日期格式应为 YYYY-MM-DD，且须是真实存在的日期' })

const arrangement = z.object({
  holidays: z
    .array(z.object({ date: day, name: text('节日名称', 20) }), { error: '请填写放假日期' })
    .min(1, { error: '请填写放假日期' })
    .max(60, { error: '放假日期过多，请核对' }),
  workdays: z.array(day, { error: '调休上班日期格式不正确' }).max(20, { error: '调休上班日期过多，请核对' }).default([]),
})

const isWeekend = (ymd: string) => [0, 6].includes(new Date(`${ymd}T00:00:00Z`).getUTCDay())

export default async function calendarRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))
  app.addHook('preHandler', requireRole('officer'))

  app.get('/api/officer/calendar', async () => ({ items: await calendarYears(db, Number(chinaDate().slice(0, 4))) }))

  app.post('/api/officer/calendar/:year', { config: { unitOfWork: true } }, async (request, reply) => {
    const { year } = parse(z.object({ year: z.coerce.number({ error: '年份不正确' }).int({ error: '年份不正确' }).min(2000, { error: '年份不正确' }).max(2100, { error: '年份不正确' }) }), request.params)
    const body = parse(arrangement, request.body)
    // 元旦 may begin in the last days of the year before; everything else lies in the year itself.
    const from = addCalendarDays(`${year}-01-01`, -7)
    const to = `${year}-12-31`
    const all = [...body.holidays.map((h) => h.date), ...body.workdays]
    const outside = all.find((d) => d < from || d > to)
    if (outside) throw new AppError(400, 'DATE_OUTSIDE_YEAR', `${outside} 不属于 ${year} 年的放假安排`)
    if (new Set(all).size !== all.length) throw new AppError(400, 'DUPLICATE_DATE', '同一日期不能重复出现，也不能既放假又上班')
    const weekday = body.workdays.find((d) => !isWeekend(d))
    if (weekday) throw new AppError(400, 'WORKDAY_NOT_WEEKEND', `${weekday} 不是周末，调休上班日只能是周六或周日`)
    const officer = await db.selectFrom('users').select(['id', 'org_name']).where('id', '=', request.user!.id).executeTakeFirstOrThrow()
    const input = { year, holidays: body.holidays, workdays: body.workdays, loadedBy: officer.org_name ?? officer.id }
    return inUnitOfWork(request, reply, db, async (trx) => ({ status: 200, body: await loadOfficialYear(trx, input) }))
  })
}
