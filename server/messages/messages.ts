// The message centre: one in-app message per event for a subject (or one user), the deliveries it
// asks for (WeChat subscribe message, SMS) queued in the same transaction, and the reader's side:
// cursor pages, unread count, mark read.
import crypto from 'node:crypto'
import { sql, type Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { decodeCursor, encodeCursor } from '../http/cursor'
import { notFound } from '../http/errors'
import { NO_TEMPLATES, renderFields, type MessageTemplates } from './templates'

type Db = Kysely<Database>

export interface Notice {
  to: { subjectId: string } | { userId: string }
  /** what happened, e.g. record_expired, deadline_reminder: selects the delivery templates */
  kind: string
  title: string
  body: string
  /** an app page, e.g. /packages/credit/record?id=… */
  link?: string | null
  /** extra values the delivery templates may use (dueDate, recordTitle, …) */
  fields?: Record<string, string>
  /** a sender that may run twice (a job) names its message: the second notify adds nothing */
  dedupeKey?: string
}

/** Who receives deliveries: the subject's own user and every agent bound to it, or the one user. */
async function recipients(db: Db, to: Notice['to']) {
  const q = db.selectFrom('users').select(['id', 'phone', 'wechat_openid'])
  if ('userId' in to) return q.where('id', '=', to.userId).execute()
  return q
    .where((eb) => eb.or([eb('subject_id', '=', to.subjectId), eb('id', 'in', eb.selectFrom('agent_bindings').select('user_id').where('subject_id', '=', to.subjectId))]))
    .execute()
}

/**
 * Creates the message and queues its deliveries in `db` (pass the caller's transaction so the
 * message exists exactly when the event does). Returns the message id, or null when a message
 * with the same dedupe key already exists.
 */
export async function notify(db: Db, n: Notice, templates: MessageTemplates = NO_TEMPLATES): Promise<string | null> {
  const id = crypto.randomUUID()
  const inserted = await db
    .insertInto('messages')
    .values({
      id, subject_id: 'subjectId' in n.to ? n.to.subjectId : null, user_id: 'userId' in n.to ? n.to.userId : null,
      kind: n.kind, title: n.title, body: n.body, link: n.link ?? null, dedupe_key: n.dedupeKey ?? null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('created_at')
    .executeTakeFirst()
  if (!inserted) return null
  const wechat = templates.wechat[n.kind]
  const sms = templates.sms[n.kind]
  if (!wechat && !sms) return id
  const source = { title: n.title, body: n.body, createdAt: inserted.created_at, fields: n.fields }
  const rows = []
  for (const u of await recipients(db, n.to)) {
    if (wechat && u.wechat_openid) {
      const page = wechat.page ?? n.link?.replace(/^\//, '')
      rows.push({ channel: 'wechat' as const, template: wechat.templateId, payload: { fields: renderFields(wechat.data, source), ...(page ? { page } : {}) }, user: u.id })
    }
    if (sms && u.phone) rows.push({ channel: 'sms' as const, template: sms.template, payload: { fields: renderFields(sms.params, source) }, user: u.id })
  }
  if (rows.length > 0) {
    await db
      .insertInto('message_deliveries')
      .values(rows.map((r) => ({ id: crypto.randomUUID(), message_id: id, channel: r.channel, recipient_user_id: r.user, template: r.template, payload: JSON.stringify(r.payload) })))
      .execute()
  }
  return id
}

/** Whose messages a caller reads: the subject they act for, and — acting as themselves — their own. */
export interface Reader {
  subjectId: string
  userId: string
  /** acting for themselves (not as an enterprise's agent) */
  self: boolean
}

function scoped(db: Db, r: Reader) {
  return db
    .selectFrom('messages')
    .where((eb) => (r.self ? eb.or([eb('subject_id', '=', r.subjectId), eb.and([eb('subject_id', 'is', null), eb('user_id', '=', r.userId)])]) : eb('subject_id', '=', r.subjectId)))
}

export const MESSAGE_PAGE_SIZE = 20

export async function listMessages(db: Db, reader: Reader, cursor?: string, limit = MESSAGE_PAGE_SIZE) {
  let q = scoped(db, reader).select(['id', 'title', 'body', 'link', 'created_at', 'read_at'])
  if (cursor) {
    const [at, id] = decodeCursor(cursor, 'timestamp')
    q = q.where(sql<boolean>`(created_at, id) < (${at}::timestamptz, ${id})`)
  }
  const rows = await q.orderBy('created_at', 'desc').orderBy('id', 'desc').limit(limit + 1).execute()
  const page = rows.slice(0, limit)
  const unread = await scoped(db, reader).select((eb) => eb.fn.countAll<string>().as('n')).where('read_at', 'is', null).executeTakeFirstOrThrow()
  const last = page[page.length - 1]
  return {
    items: page.map((m) => ({ id: m.id, title: m.title, body: m.body, createdAt: m.created_at.toISOString(), readAt: m.read_at?.toISOString() ?? null, link: m.link })),
    nextCursor: rows.length > limit ? encodeCursor(last.created_at.toISOString(), last.id) : null,
    unread: Number(unread.n),
  }
}

/** Marks one message read (the first read time stays); another reader's message is 404. */
export async function markRead(db: Db, reader: Reader, id: string) {
  const m = await scoped(db, reader).select(['id', 'read_at']).where('id', '=', id).executeTakeFirst()
  if (!m) throw notFound('消息')
  const readAt = m.read_at ?? (await db.updateTable('messages').set({ read_at: sql`coalesce(read_at, now())` }).where('id', '=', id).returning('read_at').executeTakeFirstOrThrow()).read_at
  return { id, readAt: readAt!.toISOString() }
}

export async function markAllRead(db: Db, reader: Reader) {
  const ids = scoped(db, reader).select('id').where('read_at', 'is', null)
  const r = await db.updateTable('messages').set({ read_at: sql`now()` }).where('id', 'in', ids).where('read_at', 'is', null).executeTakeFirst()
  return { updated: Number(r.numUpdatedRows) }
}
