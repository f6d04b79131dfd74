// An officer's department scope (DESIGN §1, issue #8 §1.10): which cases an officer sees and may
// decide. The 信用主管部门 (a department flagged credit_authority) receives every case, accepts and
// transfers; the department that made the record, or the one a case was transferred to, decides.
// An officer of any other department gets 404 for the case and never finds it in a queue.
import { sql, type Kysely, type RawBuilder, type SqlBool } from 'kysely'
import type { Database } from '../db/schema'
import { notFound } from '../http/errors'

type Db = Kysely<Database>

export interface Officer {
  id: string
  /** the department this officer acts for (users.org_name); null: none, so no case is in scope */
  department: string | null
  /** an officer of the 信用主管部门 */
  authority: boolean
  /** how the officer is named to citizens and in record events: the department */
  name: string
}

export async function officerOf(db: Db, userId: string): Promise<Officer> {
  const u = await db.selectFrom('users as u').leftJoin('departments as d', 'd.name', 'u.org_name')
    .select(['u.id', 'u.org_name', 'd.credit_authority']).where('u.id', '=', userId).executeTakeFirstOrThrow()
  return { id: u.id, department: u.org_name, authority: Boolean(u.credit_authority), name: u.org_name ?? '未设部门' }
}

/** Whether the officer's own department is one of these (the record's, the one transferred to). */
export function ofDepartment(officer: Pick<Officer, 'department'>, ...departments: (string | null | undefined)[]): boolean {
  return officer.department !== null && departments.includes(officer.department)
}

/** Whether a case whose record was made by (or was transferred to) these departments is in scope. */
export function inScope(officer: Officer, ...departments: (string | null | undefined)[]): boolean {
  return officer.authority || ofDepartment(officer, ...departments)
}

/**
 * The same rule as a WHERE condition over the columns naming the case's departments, for queues:
 * the authority sees every case; a department officer those of its department; anyone else none.
 */
export function scopeFilter(officer: Officer, columns: string[]): RawBuilder<SqlBool> {
  if (officer.authority) return sql<SqlBool>`true`
  if (officer.department === null) return sql<SqlBool>`false`
  return sql<SqlBool>`(${sql.join(columns.map((c) => sql`${sql.ref(c)} = ${officer.department}`), sql` or `)})`
}

/** Cases only the credit authority handles (reports of dishonesty, voluntary registrations). */
export function requireAuthority(officer: Officer, what: string): void {
  if (!officer.authority) throw notFound(what)
}

/** The officer reminded of a case's deadlines before anyone took it: the first of the department. */
export async function officerOnDuty(db: Db, department: string | null = null): Promise<string | null> {
  let q = db.selectFrom('users as u').select('u.id').where(sql<boolean>`'officer' = any(u.roles)`).where('u.deleted_at', 'is', null)
  q = department === null
    ? q.where((eb) => eb.exists(eb.selectFrom('departments as d').select('d.name').whereRef('d.name', '=', 'u.org_name').where('d.credit_authority', '=', true)))
    : q.where('u.org_name', '=', department)
  return (await q.orderBy('u.id').executeTakeFirst())?.id ?? null
}
