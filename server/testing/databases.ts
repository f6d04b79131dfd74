// Databases for the API tests: one PostgreSQL server per test run — the embedded one, or the
// server of DATABASE_URL — holding a template database that is migrated and seeded once; every
// test app gets its own clone (CREATE DATABASE … TEMPLATE), which takes milliseconds.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { chinaDate } from '../../src/domain/dates'
import { startEmbeddedServer, removeOutsideCluster, type EmbeddedServer } from '../db/embedded'
import { migrate } from '../db/migrate'
import type { Database } from '../db/schema'
import { seed } from '../db/seed'

/** The environment variable through which scripts/test-api.js hands the template to test files. */
export const TEST_DATABASES_ENV = 'CREDITPASS_TEST_DATABASES'

export interface TestDatabases {
  /** a superuser connection to the server (database `postgres`, or that of DATABASE_URL) */
  adminUrl: string
  template: string
  /** China date of the seed: record dates are relative to it */
  seededOn: string
}

export interface TestServer {
  info: TestDatabases
  stop(): Promise<void>
  /** for process 'exit' handlers */
  stopSync(): void
}

const unique = () => `${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`

async function admin<T>(url: string, work: (c: pg.Client) => Promise<T>): Promise<T> {
  const c = new pg.Client({ connectionString: url })
  await c.connect()
  try {
    return await work(c)
  } finally {
    await c.end()
  }
}

const withDatabase = (url: string, name: string) => {
  const u = new URL(url)
  u.pathname = `/${name}`
  return u.toString()
}

/** Starts the server (embedded unless DATABASE_URL is set) and builds the template. */
export async function startTestServer(databaseUrl = process.env.DATABASE_URL): Promise<TestServer> {
  let embedded: EmbeddedServer | undefined
  let dataDir: string | undefined
  if (!databaseUrl) {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-test-pg-'))
    embedded = await startEmbeddedServer(dataDir, undefined, { durable: false })
  }
  const adminUrl = embedded ? embedded.url('postgres') : databaseUrl!
  const template = `cp_tpl_${unique()}`
  const cleanup = () => {
    if (dataDir) {
      removeOutsideCluster(dataDir)
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  }
  try {
    await admin(adminUrl, (c) => c.query(`create database ${template}`))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: withDatabase(adminUrl, template), max: 1 }) }) })
    const now = new Date()
    try {
      await migrate(db)
      await seed(db, now)
    } finally {
      await db.destroy()
    }
    const info = { adminUrl, template, seededOn: chinaDate(now) }
    return {
      info,
      async stop() {
        try {
          if (embedded) await embedded.stop()
          else await admin(adminUrl, (c) => c.query(`drop database if exists ${template} with (force)`))
        } finally {
          cleanup()
        }
      },
      stopSync() {
        embedded?.stopSync()
        cleanup()
      },
    }
  } catch (e) {
    await embedded?.stop().catch(() => undefined)
    cleanup()
    throw e
  }
}

let ownServer: Promise<TestServer> | undefined

/** The run's template: from scripts/test-api.js, or — a test file run on its own — one for this process. */
async function testDatabases(): Promise<TestDatabases> {
  const given = process.env[TEST_DATABASES_ENV]
  if (given) return JSON.parse(given) as TestDatabases
  if (!ownServer) {
    ownServer = startTestServer()
    const started = await ownServer
    process.once('exit', () => started.stopSync())
  }
  return (await ownServer).info
}

/**
 * A fresh database cloned from the template; `reseed` when the seed day is past (record dates).
 * Without demo data (a production start with the sandbox off): an empty database, migrated on open.
 */
export async function cloneTestDatabase(opts: { demoData?: boolean } = {}): Promise<{ url: string; reseed: boolean; drop(): Promise<void> }> {
  const info = await testDatabases()
  const name = `cp_test_${unique()}`
  const demoData = opts.demoData ?? true
  await admin(info.adminUrl, (c) => c.query(demoData ? `create database ${name} template ${info.template}` : `create database ${name}`))
  return {
    url: withDatabase(info.adminUrl, name),
    reseed: demoData && info.seededOn !== chinaDate(new Date()),
    drop: () => admin(info.adminUrl, (c) => c.query(`drop database if exists ${name} with (force)`)).then(() => undefined),
  }
}
