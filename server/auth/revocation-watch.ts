// Which verified access tokens still count, without a database query on every request.
//
// A token stops before it expires when its user logs out, its session family is revoked or its
// account is deleted — on any instance. Each of those writes sends `NOTIFY token_revocations` in its
// transaction (revoked-tokens.ts), so PostgreSQL tells every instance the moment it commits. An
// instance keeps the tokens it found still valid in memory and forgets them all on each notice;
// revocations are rare (a logout), reads are every request. While its LISTEN connection is down an
// instance keeps nothing and asks the database every time, so a notice can never be missed.
import type { Kysely } from 'kysely'
import pg from 'pg'
import type { Database } from '../db/schema'
import { accessTokenRevocation, onLocalRevocation, REVOCATION_CHANNEL, type AccessTokenRevocation } from './revoked-tokens'

/** Defence in depth: a token found valid is asked again after this long, notice or not. */
const MAX_AGE_MS = 60_000
const MAX_ENTRIES = 100_000
const RETRY_MS = [1_000, 5_000, 30_000]

export interface TokenRef {
  jti?: string
  userId: string
  familyId?: string
}

export class RevocationWatch {
  private valid = new Map<string, number>()
  /** bumped on every notice: a check that began before one must not keep its answer */
  private epoch = 0
  private client: pg.Client | undefined
  private listening = false
  private stopped = false
  private failures = 0
  private retry: NodeJS.Timeout | undefined
  private unsubscribe: () => void

  constructor(
    private readonly db: Kysely<Database>,
    private readonly url: string,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    // A revocation written by this process: forget at once, before its notice comes back.
    this.unsubscribe = onLocalRevocation(() => this.forget())
  }

  async start(): Promise<void> {
    const client = new pg.Client({ connectionString: this.url })
    this.client = client
    const lost = (why: string) => {
      if (this.client !== client) return
      this.client = undefined
      this.listening = false
      this.forget()
      void client.end().catch(() => undefined)
      if (this.stopped) return
      const wait = RETRY_MS[Math.min(this.failures++, RETRY_MS.length - 1)]
      this.log(`登录状态通知连接已断开（${why}），${wait / 1000} 秒后重连；在此期间每个请求都查询数据库`)
      this.retry = setTimeout(() => void this.start(), wait)
      this.retry.unref()
    }
    client.on('error', (err) => lost(err.message))
    client.on('end', () => lost('连接已关闭'))
    client.on('notification', () => this.forget())
    try {
      await client.connect()
      await client.query(`LISTEN ${REVOCATION_CHANNEL}`)
      if (this.client !== client) return
      this.listening = true
      this.failures = 0
    } catch (e) {
      lost((e as Error).message)
    }
  }

  /** Why the token no longer counts, or null; from memory when it was found valid since the last notice. */
  async check(token: TokenRef): Promise<AccessTokenRevocation> {
    const key = `${token.jti ?? ''}|${token.userId}|${token.familyId ?? ''}`
    const at = this.valid.get(key)
    if (this.listening && at !== undefined && Date.now() - at < MAX_AGE_MS) return null
    const epoch = this.epoch
    const checkedAt = Date.now()
    const revoked = await accessTokenRevocation(this.db, token)
    if (revoked === null && this.listening && epoch === this.epoch) {
      if (this.valid.size >= MAX_ENTRIES) this.valid.clear()
      this.valid.set(key, checkedAt)
    }
    return revoked
  }

  /** Forgets every token found valid: the next request of each asks the database again. */
  forget() {
    this.epoch++
    this.valid.clear()
  }

  get isListening() {
    return this.listening
  }

  async stop(): Promise<void> {
    this.stopped = true
    this.unsubscribe()
    clearTimeout(this.retry)
    const client = this.client
    this.client = undefined
    this.listening = false
    this.forget()
    if (client) await client.end().catch(() => undefined)
  }
}
