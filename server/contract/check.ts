// Test helper: an answer of the API checked against its schema in src/contract (strict objects, so
// a field the contract does not name fails too). Fastify does not serialise with the schemas;
// these checks, run over every route of a feature, are what holds the server to the contract.
import assert from 'node:assert/strict'
import type { z } from 'zod'
import { ApiErrorBody } from '../../src/contract/common'

interface Answer {
  statusCode: number
  body: string
  json(): unknown
}

export function answers<T extends z.ZodType>(schema: T, res: Answer, status = 200): z.infer<T> {
  assert.equal(res.statusCode, status, res.body)
  const checked = schema.safeParse(res.json())
  assert.ok(checked.success, `answer does not match the contract: ${checked.error?.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}\n${res.body.slice(0, 500)}`)
  return checked.data
}

/** A refusal in the contract's error shape, with a Chinese message. */
export function refuses(res: Answer, status: number, code?: string) {
  const body = answers(ApiErrorBody, res, status)
  if (code) assert.equal(body.error.code, code)
  return body
}
