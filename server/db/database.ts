// Opens the database: the PostgreSQL server of DATABASE_URL, else the embedded PostgreSQL server
// that the API runs itself on DATA_DIR (embedded.ts). The same pg.Pool and Kysely dialect either way.
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import type { Database } from './schema'
import { APP_DATABASE, startEmbeddedServer } from './embedded'
import { lockDataDir } from './lock'

// DATE columns stay 'YYYY-MM-DD' strings: no time-zone shifts; int8/numeric stay strings.
pg.types.setTypeParser(1082, (v: string) => v)

export type DatabaseKind = 'embedded' | 'postgresql'

export interface OpenDatabase {
  db: Kysely<Database>
  kind: DatabaseKind
  /** the connection string of the application database (for the job worker's own pool) */
  url: string
  close(): Promise<void>
}

export interface DatabaseOptions {
  databaseUrl?: string
  dataDir: string
  onIdleError?: (err: Error) => void
  log?: (message: string) => void
}

function pooled(connectionString: string, opts: DatabaseOptions) {
  const pool = new pg.Pool({ connectionString, max: 10 })
  // An idle connection dropped by the server (restart, failover) must not crash the process:
  // the pool replaces it on the next query.
  pool.on('error', (err) => opts.onIdleError?.(err))
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}

export async function openDatabase(opts: DatabaseOptions): Promise<OpenDatabase> {
  if (opts.databaseUrl) {
    const db = pooled(opts.databaseUrl, opts)
    return { db, kind: 'postgresql', url: opts.databaseUrl, close: () => db.destroy() }
  }
  // Two API processes on one DATA_DIR would each take the other's postmaster for a stale one.
  const release = lockDataDir(opts.dataDir)
  try {
    const server = await startEmbeddedServer(opts.dataDir, opts.log)
    const url = server.url(APP_DATABASE)
    const db = pooled(url, opts)
    return {
      db,
      kind: 'embedded',
      url,
      async close() {
        try {
          await db.destroy()
          await server.stop()
        } finally {
          release()
        }
      },
    }
  } catch (e) {
    release()
    throw e
  }
}
