// The contract (src/contract, zod) as a Fastify type provider, for one route tree at a time:
// `const r = onContract(app, ctx)` and routes declare `schema: { params, querystring, response }`.
//
// - Params and query are parsed by the schema before the handler (typed, transformed, never cast);
//   a refusal is the same 400 VALIDATION_ERROR with the first Chinese message as `parse()` gives.
//   Validation runs after the onRequest hooks and before preHandler ones, so a role check that must
//   come before the input is looked at belongs in onRequest (requireAuth then requireRole).
// - Bodies of writes stay parsed in the handler: the Idempotency-Key is looked up in a preHandler,
//   and a refused body is a final answer it must keep and replay (see http/idempotency).
// - Answers: outside production each one is checked against its response schema and a mismatch is
//   a logged 500, so tests and development runs fail loudly; in production the check is skipped.
//   Either way the bytes are JSON.stringify's, so checking changes nothing a caller receives.
//   inUnitOfWork serialises through the same function (reply.getSerializationFunction), so a
//   unit of work's answer is checked too and its stored replay stays byte-identical.
import type { FastifyInstance, FastifySchemaCompiler, FastifySerializerCompiler, FastifyTypeProvider } from 'fastify'
import type { z } from 'zod'
import type { AppContext } from '../context'
import { validationError } from './validate'

export interface ZodTypeProvider extends FastifyTypeProvider {
  validator: this['schema'] extends z.ZodType ? z.output<this['schema']> : unknown
  serializer: this['schema'] extends z.ZodType ? z.input<this['schema']> : unknown
}

const isZod = (schema: unknown): schema is z.ZodType => typeof (schema as z.ZodType | null)?.safeParse === 'function'

const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, method, url, httpPart }) => {
  if (!isZod(schema)) throw new Error(`${method} ${url}: the ${httpPart} schema is not a zod schema of the contract`)
  return (data) => {
    const r = schema.safeParse(data ?? {})
    return r.success ? { value: r.data } : { error: validationError(r.error) }
  }
}

/** An answer that does not match its schema: a defect of the server, never of the caller. */
export class ContractViolation extends Error {
  constructor(where: string, issues: z.core.$ZodIssue[]) {
    super(`${where} answers outside the contract: ${issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ')}`)
    this.name = 'ContractViolation'
  }
}

function serializerCompiler(check: boolean): FastifySerializerCompiler<unknown> {
  return ({ schema, method, url, httpStatus }) => {
    if (!isZod(schema)) throw new Error(`${method} ${url}: the ${httpStatus} answer's schema is not a zod schema of the contract`)
    if (!check) return (data) => JSON.stringify(data)
    return (data) => {
      const r = schema.safeParse(data)
      if (!r.success) throw new ContractViolation(`${method} ${url} ${httpStatus}`, r.error.issues)
      return JSON.stringify(data)
    }
  }
}

/** This route tree (an encapsulated plugin) takes its schemas from the contract. */
export function onContract(app: FastifyInstance, ctx: Pick<AppContext, 'config'>) {
  app.setValidatorCompiler(validatorCompiler)
  app.setSerializerCompiler(serializerCompiler(!ctx.config.production))
  return app.withTypeProvider<ZodTypeProvider>()
}
