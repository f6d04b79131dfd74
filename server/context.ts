// What every route plugin gets: the database, settings and the external-service adapters.
import type { Kysely } from 'kysely'
import type { IdentityVerifier } from './adapters/identity'
import type { SmsProvider } from './adapters/sms'
import type { WechatAuth } from './adapters/wechat'
import type { Config } from './config'
import type { DatabaseKind } from './db/database'
import type { Database } from './db/schema'

export interface AppContext {
  db: Kysely<Database>
  dbKind: DatabaseKind
  config: Config
  sms: SmsProvider
  wechat: WechatAuth
  identity: IdentityVerifier
  /** the clock the rules read (last entry, rotating codes); tests set it to a boundary minute */
  now: () => Date
}
