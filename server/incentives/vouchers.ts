// 信易游 vouchers: claimed by an eligible person for one spot, one benefit, one visit day; redeemed
// exactly once at the gate by that spot's staff.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import { inTransaction } from '../db/transaction'
import { holderForCheck } from '../../src/domain/mask'
import { checkRotating } from '../../src/domain/rotating-code'
import { ROTATING_CODE_PERIOD_S, VOUCHER_BOOKING_WINDOW_DAYS, VOUCHERS_PER_SPOT_PER_DAY } from '../../src/domain/policy'
import { addCalendarDays, chinaDateTime } from '../../src/domain/dates'
import { canEnterToday, pastLastEntryMessage } from '../../src/domain/opening-hours'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'
import { checkCode, itemSecret, newCode, sign, splitPassInput } from './codes'

type Voucher = Awaited<ReturnType<typeof findById>>

function voucherQuery(db: Kysely<Database>) {
  return db
    .selectFrom('vouchers as v')
    .innerJoin('incentives as i', 'i.id', 'v.incentive_id')
    .select(['v.id', 'v.code', 'v.incentive_id', 'v.subject_id', 'v.benefit', 'v.visit_date', 'v.status', 'v.signature', 'v.used_at', 'v.used_place', 'v.created_at', 'i.name as spot', 'i.benefits'])
}

const findById = (db: Kysely<Database>, id: string) => voucherQuery(db).where('v.id', '=', id).executeTakeFirstOrThrow()

export function voucherStatus(v: { status: string; visit_date: string }, today: string) {
  if (v.status === 'used') return { status: 'used' as const, statusText: '已使用' }
  if (v.status === 'revoked') return { status: 'revoked' as const, statusText: '已作废' }
  if (v.visit_date < today) return { status: 'expired' as const, statusText: '已过期' }
  return { status: 'available' as const, statusText: '可使用' }
}

export function voucherToApi(v: Voucher, today: string) {
  const benefit = v.benefits.find((b) => b.code === v.benefit)
  return {
    id: v.id,
    code: v.code,
    incentiveId: v.incentive_id,
    spot: v.spot,
    benefit: { code: v.benefit, name: benefit?.name ?? v.benefit, detail: benefit?.detail ?? '' },
    visitDate: v.visit_date,
    ...voucherStatus(v, today),
    usedAt: v.used_at ? v.used_at.toISOString() : null,
    usedPlace: v.used_place,
    createdAt: v.created_at.toISOString(),
  }
}

/**
 * The voucher as its owner gets it: with the secret the phone turns into the rotating code (the
 * QR changes every 30 s, so a screenshot is useless a minute later), and the server's time so a
 * phone whose clock is off still shows the current code.
 */
export function ownerVoucher(v: ReturnType<typeof voucherToApi>, secret: Uint8Array, now: Date) {
  if (v.status !== 'available') return { ...v, pass: null }
  const pass = { secret: Buffer.from(itemSecret(secret, 'voucher-pass', v.id)).toString('base64url'), period: ROTATING_CODE_PERIOD_S, serverTime: now.toISOString() }
  return { ...v, pass }
}

const fields = (v: { id: string; subject_id: string; incentive_id: string; benefit: string; visit_date: string }) =>
  [v.id, v.subject_id, v.incentive_id, v.benefit, v.visit_date]

export async function claimVoucher(
  db: Kysely<Database>,
  secret: Uint8Array,
  input: {
    subjectId: string
    incentive: { id: string; benefits: { code: string; name: string }[]; last_entry: string | null }
    benefit: string
    visitDate: string
    today: string
    now: Date
  },
) {
  const { subjectId, incentive, benefit, visitDate, today } = input
  if (!incentive.benefits.some((b) => b.code === benefit)) throw new AppError(400, 'UNKNOWN_BENEFIT', '该景区没有这项优惠，请重新选择')
  if (visitDate < today) throw new AppError(400, 'INVALID_VISIT_DATE', '游览日期不能早于今天')
  if (visitDate === today && incentive.last_entry && !canEnterToday({ lastEntry: incentive.last_entry }, input.now)) {
    throw new AppError(422, 'PAST_LAST_ENTRY', pastLastEntryMessage(incentive.last_entry))
  }
  const last = addCalendarDays(today, VOUCHER_BOOKING_WINDOW_DAYS)
  if (visitDate > last) throw new AppError(400, 'INVALID_VISIT_DATE', `最多可预约 ${VOUCHER_BOOKING_WINDOW_DAYS} 天内（${last} 前）的游览日期`)
  const id = await inTransaction(db, async (trx) => {
    // Serialise claims of one person for one spot so the daily limit holds under concurrency.
    await sql`select pg_advisory_xact_lock(hashtext(${`voucher:${subjectId}:${incentive.id}`}))`.execute(trx)
    const sameDay = await trx
      .selectFrom('vouchers')
      .select(['id', 'benefit', 'status'])
      .where('subject_id', '=', subjectId)
      .where('incentive_id', '=', incentive.id)
      .where('visit_date', '=', visitDate)
      .execute()
    const existing = sameDay.find((v) => v.benefit === benefit)
    if (existing) {
      if (existing.status === 'active') return existing.id // claiming again gives the same voucher
      throw new AppError(409, 'BENEFIT_ALREADY_USED', existing.status === 'used' ? '该优惠当日已使用' : '该优惠当日的卡券已作废，请选择其他日期')
    }
    if (sameDay.length >= VOUCHERS_PER_SPOT_PER_DAY) {
      throw new AppError(409, 'DAILY_LIMIT', `同一景区每人每天最多领取 ${VOUCHERS_PER_SPOT_PER_DAY} 张卡券`)
    }
    const row = { id: crypto.randomUUID(), subject_id: subjectId, incentive_id: incentive.id, benefit, visit_date: visitDate }
    await trx.insertInto('vouchers').values({ ...row, code: newCode(secret, 'voucher'), signature: sign(secret, fields(row)) }).execute()
    return row.id
  })
  return voucherToApi(await findById(db, id), today)
}

export async function listVouchers(db: Kysely<Database>, subjectId: string, today: string, which: 'available' | 'history') {
  const rows = await voucherQuery(db)
    .where('v.subject_id', '=', subjectId)
    .where((eb) =>
      which === 'available'
        ? eb.and([eb('v.status', '=', 'active'), eb('v.visit_date', '>=', today)])
        : eb.or([eb('v.status', '!=', 'active'), eb('v.visit_date', '<', today)]),
    )
    .orderBy('v.visit_date', which === 'available' ? 'asc' : 'desc')
    .orderBy('v.created_at', 'desc')
    .limit(100)
    .execute()
  return { items: rows.map((r) => voucherToApi(r, today)), nextCursor: null }
}

export async function cancelVoucher(db: Kysely<Database>, subjectId: string, id: string, today: string) {
  const row = await db.selectFrom('vouchers').select(['id', 'status']).where('id', '=', id).where('subject_id', '=', subjectId).executeTakeFirst()
  if (!row) throw new AppError(404, 'NOT_FOUND', '卡券不存在或无权查看')
  if (row.status === 'used') throw new AppError(409, 'VOUCHER_USED', '该卡券已使用，不能作废')
  if (row.status === 'active') {
    const done = await db.updateTable('vouchers').set({ status: 'revoked' }).where('id', '=', id).where('status', '=', 'active').returning('id').executeTakeFirst()
    if (!done) throw new AppError(409, 'VOUCHER_USED', '该卡券刚刚已被核销，不能作废')
  }
  return voucherToApi(await findById(db, id), today)
}


/** Staff at a spot scan or type a code: it is redeemed once, or the reason it cannot be is given. */
export async function verifyVoucher(
  db: Kysely<Database>,
  secret: Uint8Array,
  input: { code: string; staff: { id: string; orgName: string | null }; siteIds: string[]; today: string; now: Date },
) {
  const given = splitPassInput(input.code)
  const code = checkCode(secret, 'voucher', given.code)
  if (!code) throw new AppError(400, 'VOUCHER_FORGED', '无效的卡券码：可能输入有误或系伪造，请核对后重试')
  const v = await voucherQuery(db)
    .innerJoin('subjects as s', 's.id', 'v.subject_id')
    .select(['s.name as holder', 's.identifier as holder_id'])
    .where('v.code', '=', code)
    .executeTakeFirst()
  if (!v) throw new AppError(400, 'VOUCHER_FORGED', '无效的卡券码：系统中没有这张卡券')
  if (sign(secret, fields(v)) !== v.signature) throw new AppError(400, 'VOUCHER_FORGED', '卡券数据校验失败，请联系平台核实')
  if (!input.siteIds.includes(v.incentive_id)) throw new AppError(422, 'VOUCHER_WRONG_SPOT', `该卡券不适用于本景区（适用于：${v.spot}）`)
  const usedMessage = (at: Date, place: string | null) => `该卡券已于 ${chinaDateTime(at)} 在 ${place} 核销，不能重复使用`
  if (v.status === 'used') throw new AppError(409, 'VOUCHER_USED', usedMessage(v.used_at!, v.used_place))
  if (v.status === 'revoked') throw new AppError(409, 'VOUCHER_REVOKED', '该卡券已作废')
  if (v.visit_date < input.today) throw new AppError(409, 'VOUCHER_EXPIRED', `该卡券仅限 ${v.visit_date} 使用，已过期`)
  if (v.visit_date > input.today) throw new AppError(422, 'VOUCHER_WRONG_DATE', `该卡券仅限 ${v.visit_date} 使用，今天不能核销`)
  // The code alone (printed, or a screenshot) is not enough: the 6 digits of the current window are.
  if (!given.digits) throw new AppError(400, 'PASS_REQUIRED', '请扫描游客手机上的动态二维码，或输入卡券码及其下方的 6 位动态码')
  const rotating = checkRotating(itemSecret(secret, 'voucher-pass', v.id), given.digits, input.now)
  if (rotating === 'expired') throw new AppError(409, 'PASS_EXPIRED', '二维码已过期，请让游客刷新（截图无效，请出示手机上实时显示的二维码）')
  if (rotating === 'wrong') throw new AppError(400, 'PASS_INVALID', '动态码不正确，请核对后重试，或让游客刷新二维码')
  const place = input.staff.orgName ?? v.spot
  // Exactly once: of any number of simultaneous scans, one update finds the voucher still active.
  // The redemption and its access-log entry are one statement: both happen or neither.
  const { rows } = await sql<{ used_at: Date }>`
    with redeemed as (
      update vouchers set status = 'used', used_at = now(), used_by = ${input.staff.id}, used_place = ${place}
      where id = ${v.id} and status = 'active'
      returning subject_id, used_at
    ), logged as (
      insert into access_log (id, subject_id, at, reader, reader_kind, purpose)
      select ${crypto.randomUUID()}, subject_id, used_at, ${place}, 'verifier', '信易游卡券核销' from redeemed
    )
    select used_at from redeemed`.execute(db)
  if (rows.length === 0) {
    const now = await voucherQuery(db).where('v.id', '=', v.id).executeTakeFirstOrThrow()
    throw new AppError(409, 'VOUCHER_USED', usedMessage(now.used_at ?? new Date(), now.used_place ?? place))
  }
  const used = { ...v, status: 'used' as const, used_at: rows[0].used_at, used_place: place }
  const holder = holderForCheck(v.holder, v.holder_id)
  return { ...voucherToApi(used, input.today), holder: holder.name, holderIdLast4: holder.idLast4 }
}
