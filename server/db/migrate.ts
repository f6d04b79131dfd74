// Numbered SQL migrations (migrations/NNN_name.sql), each applied once in its own transaction.
import fs from 'node:fs'
import path from 'node:path'
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema'

const DIR = path.join(__dirname, 'migrations')

export function migrationFiles(): { version: number; name: string; file: string }[] {
  return fs
    .readdirSync(DIR)
    .filter((f) => /^\d{3}_.+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.replace(/\.sql$/, ''), file: path.join(DIR, f) }))
}

export async function migrate(db: Kysely<Database>): Promise<number> {
  await sql`create table if not exists schema_migrations (
    version integer primary key, name text not null, applied_at timestamptz not null default now())`.execute(db)
  for (const m of migrationFiles()) {
    await db.transaction().execute(async (trx) => {
      // Several instances may start together on one PostgreSQL: one migrates, the others wait.
      await sql`select pg_advisory_xact_lock(727274)`.execute(trx)
      const done = await trx.selectFrom('schema_migrations').select('version').where('version', '=', m.version).executeTakeFirst()
      if (done) return
      await sql.raw(fs.readFileSync(m.file, 'utf8')).execute(trx)
      await trx.insertInto('schema_migrations').values({ version: m.version, name: m.name }).execute()
    })
  }
  return currentVersion(db)
}

export async function currentVersion(db: Kysely<Database>): Promise<number> {
  const row = await db.selectFrom('schema_migrations').select((eb) => eb.fn.max('version').as('v')).executeTakeFirst()
  return Number(row?.v ?? 0)
}
