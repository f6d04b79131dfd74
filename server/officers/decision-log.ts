// One log line per officer decision (DESIGN §1: every decision is on record with who took it and for
// which department): the ids of what was decided, the outcome, the officer's id and department.
// Never names, ID numbers, phones or free text: the type admits only `outcome` and `…Id` fields.
import type { FastifyBaseLogger } from 'fastify'
import type { Officer } from './scope'

export type DecisionFields = { outcome: string } & { [key: `${string}Id`]: string | null | undefined }

/** `what`: the kind of decision in fixed words (信用修复决定, 异议受理 …), the line's message. */
export function logDecision(log: FastifyBaseLogger, what: string, officer: Pick<Officer, 'id' | 'department'>, fields: DecisionFields): void {
  log.info({ decision: { ...fields, officerId: officer.id, department: officer.department } }, what)
}
