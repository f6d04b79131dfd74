// SMS login codes: 6 digits, 5 minutes, burnt after 5 wrong tries; per-phone and per-IP send limits.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import {
  SMS_CODE_LENGTH, SMS_CODE_TTL_SECONDS, SMS_MAX_WRONG_ATTEMPTS, SMS_PER_IP_PER_HOUR,
  SMS_PER_PHONE_PER_DAY, SMS_PER_PHONE_PER_HOUR, SMS_RESEND_INTERVAL_SECONDS,
} from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { AppError } from '../errors'

const hashCode = (phone: string, code: string) => crypto.createHash('sha256').update(`${phone}:${code}`).digest('hex')

const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'RATE_LIMITED', message, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) })

/** Creates a code for `phone` (checking the limits) and returns it for delivery. */
export async function createLoginCode(db: Kysely<Database>, phone: string, ip: string, now = new Date()): Promise<string> {
  const code = crypto.randomInt(0, 10 ** SMS_CODE_LENGTH).toString().padStart(SMS_CODE_LENGTH, '0')
  const hourAgo = new Date(now.getTime() - 3600_000)
  const dayAgo = new Date(now.getTime() - 86400_000)
  const resendAfter = new Date(now.getTime() - SMS_RESEND_INTERVAL_SECONDS * 1000)
  const result = await db.transaction().execute(async (trx) => {
    // Serialise sends per phone and per network address across instances (phone first, then the
    // address, always in this order: no deadlock). The next statement starts after both locks, so
    // its snapshot holds every code sent before.
    await sql`select pg_advisory_xact_lock(hashtext(${'sms:' + phone})), pg_advisory_xact_lock(hashtext(${'sms-ip:' + ip}))`.execute(trx)
    // Count, check and insert in one statement; an earlier live code of the phone is replaced. The
    // resend wait protects a live code only: once it is used, burnt or replaced the user may ask again
    // at once (the hourly and daily limits still apply).
    const { rows } = await sql<{ phone_hour: string; phone_day: string; ip_hour: string; last_at: Date | null; inserted: string | null }>`
      with c as (
        select count(*) filter (where phone = ${phone} and created_at > ${hourAgo}) as phone_hour,
               count(*) filter (where phone = ${phone}) as phone_day,
               count(*) filter (where ip = ${ip} and created_at > ${hourAgo}) as ip_hour,
               max(created_at) filter (where phone = ${phone} and consumed_at is null) as last_at
        from sms_codes where (phone = ${phone} or ip = ${ip}) and created_at > ${dayAgo}
      ), ins as (
        insert into sms_codes (id, phone, ip, code_hash, expires_at, created_at)
        select ${crypto.randomUUID()}, ${phone}, ${ip}, ${hashCode(phone, code)}, ${new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000)}, ${now}
        from c
        where (c.last_at is null or c.last_at <= ${resendAfter})
          and c.phone_hour < ${SMS_PER_PHONE_PER_HOUR} and c.phone_day < ${SMS_PER_PHONE_PER_DAY} and c.ip_hour < ${SMS_PER_IP_PER_HOUR}
        returning id
      ), superseded as (
        update sms_codes set consumed_at = ${now}
        where phone = ${phone} and consumed_at is null and exists (select 1 from ins)
      )
      select c.*, (select id from ins) as inserted from c`.execute(trx)
    return rows[0]
  })
  if (result.inserted) return code
  if (result.last_at && result.last_at > resendAfter) {
    const wait = SMS_RESEND_INTERVAL_SECONDS - (now.getTime() - result.last_at.getTime()) / 1000
    throw rateLimited(`验证码已发送，请 ${Math.ceil(wait)} 秒后再试`, wait)
  }
  if (Number(result.phone_hour) >= SMS_PER_PHONE_PER_HOUR) throw rateLimited('该手机号获取验证码过于频繁，请 1 小时后再试', 3600)
  if (Number(result.phone_day) >= SMS_PER_PHONE_PER_DAY) throw rateLimited('该手机号今日获取验证码次数已达上限，请明天再试', 86400)
  throw rateLimited('当前网络获取验证码过于频繁，请稍后再试', 3600)
}

/**
 * Consumes the code when right; counts a wrong try otherwise. Check and count are one conditional
 * UPDATE on the live code: concurrent guesses queue on its row lock, and once the code is used or
 * burnt the rest no longer match — at most SMS_MAX_WRONG_ATTEMPTS guesses are ever compared.
 */
export async function consumeLoginCode(db: Kysely<Database>, phone: string, code: string, now = new Date()): Promise<void> {
  const hash = hashCode(phone, code)
  const { rows } = await sql<{ ok: boolean; wrong_attempts: number }>`
    update sms_codes set
      wrong_attempts = wrong_attempts + (case when code_hash = ${hash} then 0 else 1 end),
      consumed_at = case when code_hash = ${hash} or wrong_attempts + 1 >= ${SMS_MAX_WRONG_ATTEMPTS} then ${now}::timestamptz end
    where id = (select id from sms_codes where phone = ${phone} and consumed_at is null order by created_at desc limit 1)
      and consumed_at is null and expires_at > ${now} and wrong_attempts < ${SMS_MAX_WRONG_ATTEMPTS}
    returning code_hash = ${hash} as ok, wrong_attempts`.execute(db)
  const checked = rows[0]
  if (checked?.ok) return
  if (checked) {
    const left = SMS_MAX_WRONG_ATTEMPTS - checked.wrong_attempts
    if (left <= 0) throw new AppError(400, 'SMS_CODE_BURNT', '验证码错误次数过多，已失效，请重新获取')
    throw new AppError(400, 'SMS_CODE_WRONG', `验证码不正确，还可尝试 ${left} 次`)
  }
  // Not compared: say why, from the phone's newest code.
  const latest = await db.selectFrom('sms_codes').select(['expires_at', 'wrong_attempts', 'consumed_at']).where('phone', '=', phone).orderBy('created_at', 'desc').limit(1).executeTakeFirst()
  if (latest && !latest.consumed_at && latest.expires_at.getTime() <= now.getTime()) throw new AppError(400, 'SMS_CODE_EXPIRED', '验证码已过期，请重新获取')
  if (latest && latest.wrong_attempts >= SMS_MAX_WRONG_ATTEMPTS) throw new AppError(400, 'SMS_CODE_BURNT', '验证码错误次数过多，已失效，请重新获取')
  throw new AppError(400, 'SMS_CODE_INVALID', '验证码无效，请重新获取')
}
