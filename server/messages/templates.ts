// Which template serves which message kind, per channel: configuration, not code (README
// "消息模板"). A kind with no template is delivered in the app only.
//
//   WECHAT_SUBSCRIBE_TEMPLATES='{"record_expired":{"templateId":"…","data":{"thing1":"title","date2":"date"}}}'
//   SMS_NOTICE_TEMPLATES='{"record_expired":{"template":"SMS_123","params":{"title":"title"}}}'
//
// A field's source is a property of the message: title, body, date (China date), time (China
// date and time), or one of the `fields` its sender gave (e.g. dueDate).
import { z } from 'zod'
import { chinaDate, chinaDateTime } from '../../src/domain/dates'

const fieldMap = z.record(z.string().regex(/^[a-z_]+\d*$/), z.string().min(1))
const wechatSchema = z.record(z.string(), z.object({ templateId: z.string().min(1), page: z.string().optional(), data: fieldMap }))
const smsSchema = z.record(z.string(), z.object({ template: z.string().min(1), params: fieldMap }))

export interface MessageTemplates {
  wechat: z.infer<typeof wechatSchema>
  sms: z.infer<typeof smsSchema>
}

export const NO_TEMPLATES: MessageTemplates = { wechat: {}, sms: {} }

/** Throws an Error with a Chinese message naming the variable when it is not valid. */
export function parseMessageTemplates(env: NodeJS.ProcessEnv): MessageTemplates {
  const read = <T extends z.ZodType>(name: string, schema: T): z.infer<T> => {
    const raw = env[name]
    if (!raw) return {} as z.infer<T>
    let json: unknown
    try {
      json = JSON.parse(raw)
    } catch {
      throw new Error(`${name} 不是有效的 JSON`)
    }
    const r = schema.safeParse(json)
    if (!r.success) throw new Error(`${name} 格式不正确：${r.error.issues[0].path.join('.')}`)
    return r.data
  }
  return { wechat: read('WECHAT_SUBSCRIBE_TEMPLATES', wechatSchema), sms: read('SMS_NOTICE_TEMPLATES', smsSchema) }
}

export interface RenderSource {
  title: string
  body: string
  createdAt: Date
  fields?: Record<string, string>
}

export function renderFields(map: Record<string, string>, m: RenderSource): Record<string, string> {
  const builtIn: Record<string, string> = { title: m.title, body: m.body, date: chinaDate(m.createdAt), time: chinaDateTime(m.createdAt) }
  return Object.fromEntries(Object.entries(map).map(([key, source]) => [key, m.fields?.[source] ?? builtIn[source] ?? '']))
}
