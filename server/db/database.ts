// Opens the database: a real PostgreSQL when DATABASE_URL is set, else embedded PGlite in DATA_DIR.
import fs from 'node:fs'
import path from 'node:path'
import { PGlite } from '@electric-sql/pglite'
import { createPgConfig } from '@electric-sql/pglite/node-postgres'
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { lockDataDir } from './lock'

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone shifts; int8/numeric stay strings.
pg.types.setTypeParser(1082, (v: string) => v)

export type DatabaseKind = 'pglite' | 'postgresql'

export interface OpenDatabase {
  db: Kysely<Database>
  kind: DatabaseKind
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string
  dataDir: string
  onIdleError?: (err: Error) => void
}

export async function openDatabase(opts: DatabaseOptions): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 })
    // An idle connection dropped by the server (restart, failover) must not crash the process:
    // the pool replaces it on the next query.
    pool.on('error', (err) => opts.onIdleError?.(err))
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgresql', close: () => db.destroy() }
  }
  return openEmbedded(opts.dataDir)
}

async function openEmbedded(dataDir: string): Promise<OpenDatabase> {
  const release = lockDataDir(dataDir)
  try {
    const pgDir = path.join(dataDir, 'pg')
    await initialiseOnce(pgDir)
    const pglite = new PGlite(pgDir)
    await pglite.waitReady
    const pool = new pg.Pool(createPgConfig(pglite) as unknown as pg.PoolConfig)
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return {
      db,
      kind: 'pglite',
      async close() {
        await db.destroy()
        await pglite.close()
        release()
      },
    }
  } catch (e) {
    release()
    throw e
  }
}

/**
 * First run runs initdb. A kill during it would leave a broken directory, so it happens in a
 * temporary directory that is renamed into place only once complete.
 */
async function initialiseOnce(pgDir: string) {
  if (fs.existsSync(path.join(pgDir, 'PG_VERSION'))) return
  const parent = path.dirname(pgDir)
  for (const name of fs.readdirSync(parent)) {
    if (name.startsWith('pg.init-')) fs.rmSync(path.join(parent, name), { recursive: true, force: true })
  }
  if (fs.existsSync(pgDir)) fs.rmSync(pgDir, { recursive: true, force: true })
  const tmp = path.join(parent, `pg.init-${process.pid}`)
  const pglite = new PGlite(tmp)
  await pglite.waitReady
  await pglite.close()
  fs.renameSync(tmp, pgDir)
}
