// SMS login codes: 6 digits, 5 minutes, burnt after 5 wrong tries; per-phone and per-IP send limits.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import {
  SMS_CODE_LENGTH, SMS_CODE_TTL_SECONDS, SMS_MAX_WRONG_ATTEMPTS, SMS_PER_IP_PER_HOUR,
  SMS_PER_PHONE_PER_DAY, SMS_PER_PHONE_PER_HOUR, SMS_RESEND_INTERVAL_SECONDS,
} from '../../src/domain/policy'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'

const hashCode = (phone: string, code: string) => crypto.createHash('sha256').update(`${phone}:${code}`).digest('hex')

const rateLimited = (message: string, retryAfterSeconds: number) =>
  new AppError(429, 'RATE_LIMITED', message, { 'retry-after': String(Math.max(1, Math.ceil(retryAfterSeconds))) })

/** Creates a code for `phone` (checking the limits) and returns it for delivery. */
export async function createLoginCode(db: Kysely<Database>, phone: string, ip: string, now = new Date()): Promise<string> {
  const code = crypto.randomInt(0, 10 ** SMS_CODE_LENGTH).toString().padStart(SMS_CODE_LENGTH, '0')
  await db.transaction().execute(async (trx) => {
    // Serialise sends per phone across instances so two parallel requests cannot both pass the limits.
    await sql`select pg_advisory_xact_lock(hashtext(${'sms:' + phone}))`.execute(trx)
    const hourAgo = new Date(now.getTime() - 3600_000)
    const dayAgo = new Date(now.getTime() - 86400_000)
    // The resend wait protects a live code; once it is used, burnt or replaced the user may ask
    // again at once (the hourly and daily limits below still apply).
    const last = await trx
      .selectFrom('sms_codes')
      .select('created_at')
      .where('phone', '=', phone)
      .where('consumed_at', 'is', null)
      .orderBy('created_at', 'desc')
      .limit(1)
      .executeTakeFirst()
    if (last) {
      const wait = SMS_RESEND_INTERVAL_SECONDS - (now.getTime() - last.created_at.getTime()) / 1000
      if (wait > 0) throw rateLimited(`验证码已发送，请 ${Math.ceil(wait)} 秒后再试`, wait)
    }
    const counts = await trx
      .selectFrom('sms_codes')
      .select([
        sql<string>`count(*) filter (where phone = ${phone} and created_at > ${hourAgo})`.as('phone_hour'),
        sql<string>`count(*) filter (where phone = ${phone} and created_at > ${dayAgo})`.as('phone_day'),
        sql<string>`count(*) filter (where ip = ${ip} and created_at > ${hourAgo})`.as('ip_hour'),
      ])
      .where((eb) => eb.or([eb('phone', '=', phone), eb('ip', '=', ip)]))
      .where('created_at', '>', dayAgo)
      .executeTakeFirstOrThrow()
    if (Number(counts.phone_hour) >= SMS_PER_PHONE_PER_HOUR) throw rateLimited('该手机号获取验证码过于频繁，请 1 小时后再试', 3600)
    if (Number(counts.phone_day) >= SMS_PER_PHONE_PER_DAY) throw rateLimited('该手机号今日获取验证码次数已达上限，请明天再试', 86400)
    if (Number(counts.ip_hour) >= SMS_PER_IP_PER_HOUR) throw rateLimited('当前网络获取验证码过于频繁，请稍后再试', 3600)
    // A new code replaces any earlier one.
    await trx.updateTable('sms_codes').set({ consumed_at: now }).where('phone', '=', phone).where('consumed_at', 'is', null).execute()
    await trx
      .insertInto('sms_codes')
      .values({
        id: crypto.randomUUID(),
        phone,
        ip,
        code_hash: hashCode(phone, code),
        expires_at: new Date(now.getTime() + SMS_CODE_TTL_SECONDS * 1000),
        created_at: now,
      } as never)
      .execute()
  })
  return code
}

/** Consumes the code when right; counts a wrong try otherwise. Throws with a Chinese message. */
export async function consumeLoginCode(db: Kysely<Database>, phone: string, code: string, now = new Date()): Promise<void> {
  const row = await db
    .selectFrom('sms_codes')
    .selectAll()
    .where('phone', '=', phone)
    .where('consumed_at', 'is', null)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) throw new AppError(400, 'SMS_CODE_INVALID', '验证码无效，请重新获取')
  if (row.expires_at.getTime() <= now.getTime()) throw new AppError(400, 'SMS_CODE_EXPIRED', '验证码已过期，请重新获取')
  if (row.code_hash === hashCode(phone, code)) {
    const used = await db.updateTable('sms_codes').set({ consumed_at: now }).where('id', '=', row.id).where('consumed_at', 'is', null).returning('id').executeTakeFirst()
    if (!used) throw new AppError(400, 'SMS_CODE_INVALID', '验证码已使用，请重新获取')
    return
  }
  const updated = await db
    .updateTable('sms_codes')
    .set((eb) => ({ wrong_attempts: eb('wrong_attempts', '+', 1) }))
    .where('id', '=', row.id)
    .returning('wrong_attempts')
    .executeTakeFirstOrThrow()
  const left = SMS_MAX_WRONG_ATTEMPTS - updated.wrong_attempts
  if (left <= 0) {
    await db.updateTable('sms_codes').set({ consumed_at: now }).where('id', '=', row.id).execute()
    throw new AppError(400, 'SMS_CODE_BURNT', '验证码错误次数过多，已失效，请重新获取')
  }
  throw new AppError(400, 'SMS_CODE_WRONG', `验证码不正确，还可尝试 ${left} 次`)
}
