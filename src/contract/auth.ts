// /api/auth/*, /api/me (profile, real-name binding) and /api/health.
import { z } from 'zod'
import { SMS_CODE_LENGTH } from '../domain/policy'
import { subjectKind, text } from './common'

// --- requests ---------------------------------------------------------------------------------

export const phone = z
  .string({ error: (i) => (i.input === undefined ? '请填写手机号' : '手机号格式不正确') })
  .trim()
  .regex(/^1[3-9]\d{9}$/, { error: '请输入正确的 11 位手机号' })
const smsCode = z
  .string({ error: (i) => (i.input === undefined ? '请填写验证码' : '验证码格式不正确') })
  .trim()
  .regex(new RegExp(`^\\d{${SMS_CODE_LENGTH}}$`), { error: `请输入 ${SMS_CODE_LENGTH} 位数字验证码` })

export const SandboxLoginBody = z.object({ persona: text('演示身份', 64) })
export const SmsSendBody = z.object({ phone })
export const SmsVerifyBody = z.object({ phone, code: smsCode })
export const WechatLoginBody = z.object({ code: text('微信登录凭证', 128) })
export const RefreshBody = z.object({ refreshToken: text('refreshToken', 200) })

/** The ID number is checked by the domain's validator (check digit, birth date), for its messages. */
export const RealNameBody = z.object({
  name: z
    .string({ error: (i) => (i.input === undefined ? '请填写姓名' : '姓名格式不正确') })
    .trim()
    .regex(/^[\u4e00-\u9fa5·]{2,20}$/, { error: '请填写身份证上的中文姓名（2–20 个汉字）' }),
  idNumber: z.unknown().optional(),
})
export type RealNameRequest = { name: string; idNumber: string }

// --- answers ----------------------------------------------------------------------------------

export const SubjectRef = z.strictObject({
  id: z.string(),
  kind: subjectKind,
  /** a person's name masked; an enterprise's registered name */
  name: z.string(),
  /** a person's ID number masked; an enterprise's USCC */
  identifier: z.string(),
  /** 本人, 法定代表人, 经办人 */
  relation: z.string(),
})
export type SubjectRef = z.infer<typeof SubjectRef>

/** The caller's profile, personal data masked by the server. */
export const Profile = z.strictObject({
  id: z.string(),
  name: z.string().nullable(),
  phone: z.string().nullable(),
  idNumber: z.string().nullable(),
  realNameVerified: z.boolean(),
  wechatBound: z.boolean(),
  roles: z.array(z.string()),
  orgName: z.string().nullable(),
  subjects: z.array(SubjectRef),
})
export type Profile = z.infer<typeof Profile>

export const Session = z.strictObject({ accessToken: z.string(), refreshToken: z.string(), expiresIn: z.number().int().positive() })
export type Session = z.infer<typeof Session>

export const LoginResponse = Session.extend({ user: Profile })
export type LoginResponse = z.infer<typeof LoginResponse>

export const Persona = z.strictObject({ id: z.string(), name: z.string(), roles: z.array(z.string()), summary: z.string() })
export type Persona = z.infer<typeof Persona>
export const PersonaList = z.array(Persona)

export const SmsSent = z.strictObject({ sent: z.literal(true), expiresIn: z.number().int().positive(), sandbox: z.boolean() })
export type SmsSent = z.infer<typeof SmsSent>

export const Health = z.strictObject({
  status: z.literal('ok'),
  /** 'embedded' (the API's own PostgreSQL server) or 'postgresql' (DATABASE_URL) */
  database: z.enum(['embedded', 'postgresql']),
  databaseVersion: z.string(),
  migration: z.number().int(),
  sandbox: z.boolean(),
})
export type Health = z.infer<typeof Health>
