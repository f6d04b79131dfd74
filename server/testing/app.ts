// Test harness: a real app on a real database — PGlite in a fresh temp dir, or a fresh database
// on the PostgreSQL server of DATABASE_URL — with the demo data loaded and SMS codes captured.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import pg from 'pg'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '../app'
import type { SmsProvider } from '../adapters/sms'
import { loadConfig } from '../config'
import type { AppContext } from '../context'
import { createContext } from '../start'

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

async function freshPostgresDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `cp_test_${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`
  const admin = new pg.Client({ connectionString: url })
  await admin.connect()
  await admin.query(`create database ${name}`)
  await admin.end()
  const u = new URL(url)
  u.pathname = `/${name}`
  return {
    url: u.toString(),
    async drop() {
      const c = new pg.Client({ connectionString: url })
      await c.connect()
      await c.query(`drop database if exists ${name} with (force)`)
      await c.end()
    },
  }
}

export async function startTestApp(envOverrides: NodeJS.ProcessEnv = {}): Promise<TestApp> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-test-'))
  const pgdb = process.env.DATABASE_URL ? await freshPostgresDatabase(process.env.DATABASE_URL) : undefined
  const env: NodeJS.ProcessEnv = { NODE_ENV: 'test', DATA_DIR: dataDir, ...envOverrides, DATABASE_URL: pgdb?.url ?? '' }
  const open = async (): Promise<TestApp> => {
    const config = loadConfig(env)
    const started = await createContext(config, silent, { seedIfEmpty: true })
    const sms = new CapturingSms()
    started.ctx.sms = sms
    const app = await buildApp(started.ctx)
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
        await pgdb?.drop()
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
export async function loginAs(app: FastifyInstance, persona: string) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sandbox/login', payload: { persona } })
  if (res.statusCode !== 200) throw new Error(`login ${persona}: ${res.statusCode} ${res.body}`)
  return res.json() as { accessToken: string; refreshToken: string; expiresIn: number; user: Record<string, unknown> }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })
