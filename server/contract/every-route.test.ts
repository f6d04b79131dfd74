// Every JSON answer of the API is declared: each route of the route table names the schema of its
// success answer (src/contract: 200, 201 or 202), so outside production every answer is checked against it. The
// exceptions are the routes whose answer is a file or nothing; they are listed here by name. And
// route files only parse, call a use case and answer: no SQL in them.
import assert from 'node:assert/strict'
import fs from 'node:fs'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { apiRoutes, bearer, loginAs, startTestApp, type TestApp } from '../testing/app'

/** Answers that are not JSON: files (PNG, PDF, the uploaded evidence) and 204 No Content. */
const NOT_JSON = new Set([
  'GET /api/commitments/:id/signature.png',
  'GET /api/uploads/:id',
  'GET /api/reports/:id/file',
  'POST /api/auth/logout',
])

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

describe('every route declares its answer', () => {
  it('each API route with a JSON answer declares the schema of its success answer; only file and empty answers do not', () => {
    const routes = apiRoutes(t.app)
    assert.ok(routes.length >= 80, `${routes.length} routes`)
    const undeclared = routes.filter((r) => !r.declaredAnswers.some((s) => /^2\d\d$/.test(s))).map((r) => `${r.method} ${r.url}`)
    assert.deepEqual(undeclared.filter((r) => !NOT_JSON.has(r)), [], 'declare `schema: { response: { 200: X } }` (or 201, 202) with X from src/contract')
    // The exceptions are real routes (a renamed one must leave the list).
    for (const r of NOT_JSON) assert.ok(undeclared.includes(r), `${r} is not a route without a declared answer`)
  })

  it('logout, listed as answering nothing, answers 204 with an empty body', async () => {
    const login = await loginAs(t.app, 'citizen-red')
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(login.accessToken), payload: { refreshToken: login.refreshToken } })
    assert.equal(res.statusCode, 204)
    assert.equal(res.body, '')
  })
})

describe('routes are thin', () => {
  it('no route file runs SQL of its own: queries live in the feature modules', () => {
    const dir = path.join(__dirname, '..', 'routes')
    const files = fs.readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
    assert.ok(files.length >= 20, `${files.length} route files`)
    const sqlInRoutes = files.flatMap((f) =>
      fs.readFileSync(path.join(dir, f), 'utf8').split('\n').flatMap((line, i) => (/\b(selectFrom|insertInto|updateTable|deleteFrom)\(|\bsql`/.test(line) ? [`routes/${f}:${i + 1}`] : [])),
    )
    assert.deepEqual(sqlInRoutes, [])
  })
})
