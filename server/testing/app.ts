// Test harness: a real app on a real database — a fresh clone of the test run's migrated and seeded
// template, on the embedded PostgreSQL server or that of DATABASE_URL (databases.ts) — with SMS codes
// captured.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { buildApp, type RouteEntry } from '../app'
import type { SmsProvider } from '../adapters/sms'
import { isSandbox, loadConfig } from '../config'
import type { AppContext } from '../context'
import { seed } from '../db/seed'
import { testLogger } from '../http/log'
import { createContext } from '../start'
import { cloneTestDatabase } from './databases'

export class CapturingSms implements SmsProvider {
  readonly sandbox = true
  sent: { phone: string; code: string }[] = []
  notices: { phone: string; template: string; params: Record<string, string> }[] = []
  async sendLoginCode(phone: string, code: string) {
    this.sent.push({ phone, code })
  }
  async sendNotice(phone: string, template: string, params: Record<string, string>) {
    this.notices.push({ phone, template, params })
  }
  last(phone: string) {
    return [...this.sent].reverse().find((s) => s.phone === phone)?.code
  }
}

export interface TestApp {
  app: FastifyInstance
  ctx: AppContext
  sms: CapturingSms
  dataDir: string
  env: NodeJS.ProcessEnv
  close(): Promise<void>
  /** closes the app and opens a new one on the same database (a restart) */
  restart(): Promise<TestApp>
}

const silent = { info: () => undefined }

export async function startTestApp(envOverrides: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-test-'))
  // Demo data exists only where the sandbox is on (a production start refuses a database holding it).
  const database = await cloneTestDatabase({ demoData: isSandbox({ NODE_ENV: 'test', ...envOverrides }) })
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATA_DIR: dataDir, ...envOverrides, DATABASE_URL: database.url }
  let reseed = database.reseed
  const open = async (): Promise<TestApp> => {
    const config = loadConfig(env)
    // Logged only when the run scans its logs (LOG_TEE): what the service would write, requests included.
    const logger = testLogger()
    const started = await createContext(config, logger ?? silent, { seedIfEmpty: true })
    if (reseed) {
      // the template was seeded on an earlier day: move the record dates to today
      await seed(started.ctx.db)
      reseed = false
    }
    const sms = new CapturingSms()
    started.ctx.sms = sms
    const app = await buildApp(started.ctx, logger ? { loggerInstance: logger } : {})
    await app.ready()
    let closed = false
    const closeApp = async () => {
      if (closed) return
      closed = true
      await app.close()
      await started.close()
    }
    return {
      app, ctx: started.ctx, sms, dataDir, env,
      async close() {
        await closeApp()
        await database.drop()
        fs.rmSync(dataDir, { recursive: true, force: true })
      },
      async restart() {
        await closeApp()
        return open()
      },
    }
  }
  return open()
}

/** Logs in as a demo persona and returns the login response. */
export async function loginAs(app: FastifyInstance, persona: string, remoteAddress?: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sandbox/login', payload: { persona }, ...(remoteAddress ? { remoteAddress } : {}) })
  if (res.statusCode !== 200) throw new Error(`login ${persona}: ${res.statusCode} ${res.body}`)
  return res.json() as { accessToken: string; refreshToken: string; expiresIn: number; user: Record<string, unknown> }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

/** The API routes of the app's own route table (the SPA fallback excluded): what route-wide checks iterate. */
export function apiRoutes(app: FastifyInstance): RouteEntry[] {
  return app.routeTable.filter((r) => r.url.startsWith('/api/') && !r.url.includes('*'))
}
