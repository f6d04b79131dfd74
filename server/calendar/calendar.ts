// The working-day calendar kept in the database: the package's years copied in at start-up, the
// years officers load when the State Council publishes them, and the statutory fallback for the
// rest (src/domain/working-days.ts). Deadlines are computed from `workingCalendar(db)`.
import { sql, type Kysely, type Transaction } from 'kysely'
import { packageYears, WorkingCalendar, type OfficialYear } from '../../src/domain/working-days'
import type { Database } from '../db/schema'
import { inTransaction } from '../db/transaction'
import { AppError } from '../http/errors'
import { addCalendarDays } from '../../src/domain/dates'
import type { CalendarLoaded, CalendarYear } from '../../src/contract/calendar'

type Db = Kysely<Database> | Transaction<Database>

/** Copies into the database every year the package knows that the database does not have yet. */
export async function syncPackageCalendar(db: Kysely<Database>): Promise<number> {
  const have = new Set((await db.selectFrom('calendar_years').select('year').execute()).map((r) => r.year))
  let added = 0
  for (const year of packageYears().filter((y) => !have.has(y.year))) {
    added += await db.transaction().execute(async (trx) => {
      const inserted = await trx
        .insertInto('calendar_years')
        .values({ year: year.year, source: 'package', loaded_by: 'chinese-days' })
        .onConflict((oc) => oc.column('year').doNothing())
        .returning('year')
        .executeTakeFirst()
      if (!inserted) return 0
      await insertDays(trx, year)
      return 1
    })
  }
  return added
}

async function insertDays(trx: Transaction<Database>, year: OfficialYear) {
  const rows = [
    ...year.holidays.map((h) => ({ day: h.date, year: year.year, kind: 'holiday' as const, name: h.name })),
    ...year.workdays.map((day) => ({ day, year: year.year, kind: 'workday' as const, name: '调休上班' })),
  ]
  // A day belongs to one year's arrangement (元旦 may start in the December before).
  if (rows.length) await trx.insertInto('calendar_days').values(rows).onConflict((oc) => oc.column('day').doUpdateSet((eb) => ({ year: eb.ref('excluded.year'), kind: eb.ref('excluded.kind'), name: eb.ref('excluded.name') }))).execute()
}

let cached: { version: string; calendar: WorkingCalendar } | undefined

/** The calendar as the database holds it now (cached until any year changes, on any instance). */
export async function workingCalendar(db: Db): Promise<WorkingCalendar> {
  const v = await db
    .selectFrom('calendar_years')
    .select([sql<string>`count(*)::text || '/' || coalesce(max(loaded_at)::text, '')`.as('version')])
    .executeTakeFirstOrThrow()
  if (cached?.version === v.version) return cached.calendar
  const [years, days] = await Promise.all([
    db.selectFrom('calendar_years').select('year').execute(),
    db.selectFrom('calendar_days').select(['day', 'year', 'kind', 'name']).execute(),
  ])
  const byYear = new Map<number, OfficialYear>(years.map((y) => [y.year, { year: y.year, holidays: [], workdays: [] }]))
  for (const d of days) {
    const y = byYear.get(d.year)
    if (!y) continue
    if (d.kind === 'holiday') y.holidays.push({ date: d.day, name: d.name ?? '节假日' })
    else y.workdays.push(d.day)
  }
  const calendar = new WorkingCalendar([...byYear.values()])
  cached = { version: v.version, calendar }
  return calendar
}

/** What changes when a year's arrangement is loaded: case modules register how to redo their due dates. */
export type CalendarListener = (trx: Transaction<Database>, calendar: WorkingCalendar, year: number) => Promise<number>
const listeners: CalendarListener[] = []
export function onCalendarChange(listener: CalendarListener) {
  if (!listeners.includes(listener)) listeners.push(listener)
}

const isWeekend = (ymd: string) => [0, 6].includes(new Date(`${ymd}T00:00:00Z`).getUTCDay())

/** Refuses an arrangement that cannot be the year's: a date outside it, a date twice, a weekday 调休. */
export function checkOfficialYear(input: OfficialYear) {
  // 元旦 may begin in the last days of the year before; everything else lies in the year itself.
  const from = addCalendarDays(`${input.year}-01-01`, -7)
  const to = `${input.year}-12-31`
  const all = [...input.holidays.map((h) => h.date), ...input.workdays]
  const outside = all.find((d) => d < from || d > to)
  if (outside) throw new AppError(400, 'DATE_OUTSIDE_YEAR', `${outside} 不属于 ${input.year} 年的放假安排`)
  if (new Set(all).size !== all.length) throw new AppError(400, 'DUPLICATE_DATE', '同一日期不能重复出现，也不能既放假又上班')
  const weekday = input.workdays.find((d) => !isWeekend(d))
  if (weekday) throw new AppError(400, 'WORKDAY_NOT_WEEKEND', `${weekday} 不是周末，调休上班日只能是周六或周日`)
}

/**
 * An officer loads the official arrangement of a year (checked first); every due date that depends
 * on it is recomputed. Runs in the caller's transaction (the route's unit of work) or its own.
 */
export async function loadOfficialYear(db: Kysely<Database>, input: OfficialYear & { loadedBy: string }): Promise<CalendarLoaded> {
  checkOfficialYear(input)
  return inTransaction(db, async (trx) => {
    // One loader at a time: the year's rows are replaced as a whole.
    await sql`select pg_advisory_xact_lock(727276)`.execute(trx)
    await trx.deleteFrom('calendar_days').where('year', '=', input.year).execute()
    await trx
      .insertInto('calendar_years')
      .values({ year: input.year, source: 'official', loaded_by: input.loadedBy, loaded_at: new Date() })
      .onConflict((oc) => oc.column('year').doUpdateSet({ source: 'official', loaded_by: input.loadedBy, loaded_at: new Date() }))
      .execute()
    await insertDays(trx, input)
    const calendar = await workingCalendar(trx)
    let recomputed = 0
    for (const listener of listeners) recomputed += await listener(trx, calendar, input.year)
    return { year: input.year, holidays: input.holidays.length, workdays: input.workdays.length, recomputed }
  })
}

/** The years around today and whether each is official or estimated, for the officer's screen. */
export async function calendarYears(db: Db, around: number): Promise<CalendarYear[]> {
  const rows = await db.selectFrom('calendar_years').select(['year', 'source', 'loaded_at', 'loaded_by']).where('year', '>=', around - 1).orderBy('year').execute()
  const known = new Map(rows.map((r) => [r.year, r]))
  return [around - 1, around, around + 1].map((year) => {
    const r = known.get(year)
    return r
      ? { year, status: r.source === 'official' ? ('official' as const) : ('package' as const), loadedAt: r.loaded_at.toISOString() }
      : { year, status: 'estimated' as const, loadedAt: null }
  })
}
