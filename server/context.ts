// What every route plugin gets: the database, settings and the external-service adapters.
import type { Kysely } from 'kysely'
import type { IdentityVerifier } from './adapters/identity'
import type { SmsProvider } from './adapters/sms'
import type { ObjectStorage } from './adapters/storage'
import type { WechatAuth } from './adapters/wechat'
import type { SubscribeMessenger } from './adapters/wechat-subscribe'
import type { Config } from './config'
import type { DatabaseKind } from './db/database'
import type { Database } from './db/schema'
import type { ReportQueue } from './reports/runner'

export interface AppContext {
  db: Kysely<Database>
  dbKind: DatabaseKind
  /** the application database's connection string (the job worker opens its own pool) */
  dbUrl: string
  config: Config
  sms: SmsProvider
  wechat: WechatAuth
  identity: IdentityVerifier
  /** uploaded files and signatures */
  storage: ObjectStorage
  /** WeChat subscribe messages (message centre deliveries) */
  subscribe: SubscribeMessenger
  /** the clock the rules read (last entry, rotating codes); tests set it to a boundary minute */
  now: () => Date
  /** where requested reports go to be rendered; set while this process's job queue runs */
  reportQueue?: ReportQueue
}
