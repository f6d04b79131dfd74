// Fuzzing every route of the server's own route table with hostile input: NUL, unpaired surrogates,
// zero-width and full-width characters, emoji, huge and deeply nested values, malformed JSON and
// wrong content types. Zero 500s; every error in the contract's shape with a Chinese message.
// A fixed seed and a few hundred cases here; `FUZZ_RUNS=5000 npm run reliability` for thousands.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import fc from 'fast-check'
import { apiRoutes, bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

const RUNS = Number(process.env.FUZZ_RUNS || 300)
const SEED = Number(process.env.FUZZ_SEED || 20261130)

let t: TestApp
let routes: { method: string; url: string }[]
const tokens: string[] = []
before(async () => {
  t = await startTestApp()
  routes = apiRoutes(t.app)
  for (const p of ['citizen-red', 'agent-yunqi', 'staff-officer', 'staff-verifier', 'staff-organizer']) tokens.push((await loginAs(t.app, p)).accessToken)
})
after(() => t.close())

const nasty = fc.oneof(
  fc.constantFrom('\u0000', 'a\u0000b', '\ud800', 'x\udfffy', '\u200b\u200d\ufeff', 'ＡＢＣ１２３', '😀👨‍👩‍👧', '%00', '%ZZ', '../../etc/passwd', "' or 1=1 --", '<script>', '${jndi}', '-1', '0', '1e309', 'NaN', 'null', '[]', '{}', 'true'),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constant('长'.repeat(5000)),
  fc.constantFrom('2026-02-30', '2026-13-45', '0000-00-00', '["2026-02-30","x"]', 'WyIyMDI2LTAyLTMwIiwieCJd', '11010519491231002X', '91110000600037341L'),
)

/** JSON values of every shape, including deep nesting and big arrays. */
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    nasty,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('v'), { maxLength: 4 }),
    fc.dictionary(fc.oneof(nasty, fc.constantFrom('recordId', 'reason', 'code', 'phone', 'persona', 'templateId', 'version', '__proto__', 'constructor')), tie('v'), { maxKeys: 5 }),
  ),
})).v

const deep = (n: number): unknown => (n === 0 ? 'x' : { a: deep(n - 1) })

const body = fc.oneof(
  value.map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
  fc.dictionary(fc.constantFrom('recordId', 'reason', 'description', 'code', 'phone', 'persona', 'templateId', 'version', 'textSha256', 'agreed', 'name', 'idNumber', 'refreshToken', 'attachmentIds', 'outcome'), value, { maxKeys: 6 })
    .map((v) => ({ payload: JSON.stringify(v), type: 'application/json' })),
  fc.constantFrom('{', '{"a":', '[1,2', 'null', '"', '\u0000', '{"a":"\\u0000"}', '{"a":"\\ud800"}', JSON.stringify(deep(2000)), JSON.stringify({ a: 'x'.repeat(2_000_000) }))
    .map((payload) => ({ payload, type: 'application/json' })),
  fc.constantFrom('text/plain', 'application/xml', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=gbk')
    .chain((type) => fc.string({ maxLength: 30 }).map((payload) => ({ payload, type }))),
)

const query = fc.dictionary(fc.constantFrom('cursor', 'kind', 'status', 'q', 'list', 'polarity', 'code', 'limit', 'from', 'to'), nasty, { maxKeys: 3 })

/** Percent-encodes like a client would, lone surrogates included (as their WTF-8 bytes). */
function encode(param: string): string {
  return param.replace(/[\ud800-\udfff]/g, (c) => {
    const u = c.charCodeAt(0)
    return [0xe0 | (u >> 12), 0x80 | ((u >> 6) & 0x3f), 0x80 | (u & 0x3f)].map((b) => `%${b.toString(16).toUpperCase()}`).join('')
  }).split(/(%[0-9A-F]{2})/).map((part) => (/^%[0-9A-F]{2}$/.test(part) ? part : encodeURIComponent(part))).join('')
}

function fill(url: string, param: string): string {
  return url.replace(/:[A-Za-z]+/g, () => encode(param))
}

function assertContract(route: string, res: { statusCode: number; body: string; headers: Record<string, unknown> }) {
  assert.ok(res.statusCode < 500, `${route} → ${res.statusCode} ${res.body.slice(0, 300)}`)
  if (res.statusCode >= 400) {
    let parsed: { error?: { code?: unknown; message?: unknown } }
    try {
      parsed = JSON.parse(res.body)
    } catch {
      assert.fail(`${route} → ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 200)}`)
    }
    assert.match(String(parsed.error?.code), /^[A-Z][A-Z0-9_]*$/, `${route} → error code: ${res.body.slice(0, 200)}`)
    assert.match(String(parsed.error?.message), /[\u4e00-\u9fa5]/, `${route} → message not Chinese: ${res.body.slice(0, 200)}`)
  }
}

describe('fuzzing every route (fixed seed)', () => {
  it(`${RUNS} hostile requests spread over the route table: no 500, every error in the contract shape`, async (ctx) => {
    assert.ok(routes.length > 20, `route table has ${routes.length} routes`)
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: routes.length - 1 }),
        fc.nat({ max: tokens.length }),
        nasty,
        query,
        body,
        fc.boolean(),
        async (i, who, param, q, b, withSubject) => {
          const route = routes[i]
          const headers: Record<string, string> = { 'content-type': b.type }
          if (who < tokens.length) Object.assign(headers, bearer(tokens[who]))
          if (withSubject) headers['x-subject'] = param.slice(0, 40).replace(/[^\x20-\x7e]/g, '')
          const res = await t.app.inject({
            method: route.method as 'GET',
            url: fill(route.url, param),
            query: q as Record<string, string>,
            ...(route.method === 'GET' || route.method === 'DELETE' ? {} : { payload: b.payload }),
            headers,
          })
          assertContract(`${route.method} ${route.url}`, res)
        },
      ),
      { numRuns: RUNS, seed: SEED, endOnFailure: true, verbose: 1 },
    )
    ctx.diagnostic(`reliability ${JSON.stringify({ badInputs: RUNS })}`)
  })

  it('every route answers a NUL in its path parameter and in a query value with a Chinese 4xx', async (ctx) => {
    for (const route of routes) {
      const res = await t.app.inject({ method: route.method as 'GET', url: fill(route.url, 'a\u0000b'), query: { q: 'x\u0000', cursor: 'a\u0000' }, headers: { ...bearer(tokens[0]), 'content-type': 'application/json' }, ...(route.method === 'GET' ? {} : { payload: '{"a":"\\u0000"}' }) })
      assertContract(`${route.method} ${route.url}`, res)
    }
    ctx.diagnostic(`reliability ${JSON.stringify({ badInputs: routes.length })}`)
  })
})
