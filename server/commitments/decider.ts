// Who may decide a commitment (已履约 or 违诺), and so see what was signed: an officer of the
// department that accepts it — its template's department. The credit authority is no exception:
// another department's commitments are 404 to it as to anyone else. One rule for the decision
// route and for reading the signature file.
import type { Kysely } from 'kysely'
import type { Database } from '../db/schema'
import { ofDepartment, type Officer } from '../officers/scope'

/** The department that accepts the commitment (null: none named; undefined: no such commitment). */
export async function acceptingDepartment(db: Kysely<Database>, commitmentId: string): Promise<string | null | undefined> {
  const c = await db
    .selectFrom('commitments as c')
    .innerJoin('commitment_templates as t', (j) => j.onRef('t.id', '=', 'c.template_id').onRef('t.version', '=', 'c.template_version'))
    .select('t.department')
    .where('c.id', '=', commitmentId)
    .executeTakeFirst()
  return c?.department
}

export async function mayDecideCommitment(db: Kysely<Database>, officer: Pick<Officer, 'department'>, commitmentId: string): Promise<boolean> {
  const department = await acceptingDepartment(db, commitmentId)
  return department !== undefined && ofDepartment(officer, department)
}
