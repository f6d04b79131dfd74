// The authorisation matrix, generated from the server's own route table: every API route × every kind
// of caller (anonymous, citizens, an agent for its enterprise and for one it is not bound to, each
// staff role, an officer of another department, a deleted account, an expired and a revoked token)
// × own and foreign ids. What each may do comes from access-policy.ts; a route without a policy
// fails here, so no new route slips through.
// Checked: never a 500; refusals 401/403 in the contract's shape with a Chinese message; another
// subject's ids 404; no answer to a subject's route holds another subject's identifiers.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { enterprises, personas } from '../../mock/personas'
import { signAccessToken } from '../auth/jwt'
import { fileOfficerCases } from '../testing/cases'
import { apiRoutes, bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { policyFor, type Access } from './access-policy'

interface Caller {
  name: string
  /** the persona whose token it uses (re-issued when a write ended its session) */
  persona?: string
  xSubject?: string
  /** the subject it acts for: ids and data of every other subject are foreign to it */
  subject?: string
  /** subjects whose data it may see besides (an agent sees its own person too) */
  alsoOwn?: string[]
  /** a token that must be refused everywhere but on public routes */
  dead?: boolean
  /** an account without a real-name binding: may be asked for one (403 REAL_NAME_REQUIRED), never shown a subject's data */
  noRealName?: boolean
  token?: string
  roles: string[]
  address: string
}

const persona = (name: string) => personas.find((p) => p.persona === name)!
const enterprise = (id: string) => enterprises.find((e) => e.id === id)!
const personCaller = (name: string, p: string): Omit<Caller, 'address'> => ({ name, persona: p, subject: persona(p).subject.id, roles: persona(p).roles })

const callerSpecs: Omit<Caller, 'address'>[] = [
  { name: 'anonymous', roles: [] },
  personCaller('citizen', 'citizen-red'),
  personCaller('other citizen', 'citizen-objection'),
  { name: 'agent for its enterprise', persona: 'agent-yunqi', xSubject: enterprise('ent-yunqi').identifier, subject: 'ent-yunqi', alsoOwn: ['person-wu'], roles: persona('agent-yunqi').roles },
  { name: 'agent of another enterprise', persona: 'agent-jianhu', xSubject: enterprise('ent-jianhu').identifier, subject: 'ent-jianhu', alsoOwn: ['person-zheng'], roles: persona('agent-jianhu').roles },
  { name: 'agent not bound to the enterprise', persona: 'agent-yunqi', xSubject: enterprise('ent-jianhu').identifier, subject: 'person-wu', roles: persona('agent-yunqi').roles },
  personCaller('verifier', 'staff-verifier'),
  personCaller('rental partner', 'staff-rental'),
  personCaller('counter', 'staff-counter'),
  personCaller('organizer', 'staff-organizer'),
  personCaller('officer', 'staff-officer'),
  // an officer of a department other than the credit office (set up below): same role, other org
  // (a staff account without a real-name binding of its own)
  { name: 'officer of another department', roles: ['citizen', 'officer'], noRealName: true },
  { name: 'deleted account', dead: true, roles: ['citizen'] },
  { name: 'expired token', dead: true, roles: ['citizen'] },
  { name: 'revoked token (logged out)', dead: true, roles: ['citizen'] },
]

let t: TestApp
let routes: { method: string; url: string }[]
let callers: Caller[]
const failures: string[] = []
let checked = 0

async function relogin(c: Caller) {
  if (c.persona && !c.dead) c.token = (await loginAs(t.app, c.persona, c.address)).accessToken
}

before(async () => {
  t = await startTestApp()
  routes = apiRoutes(t.app)
  callers = callerSpecs.map((c, i) => ({ ...c, address: `10.91.${i}.1` }))
  for (const c of callers) await relogin(c)
  const byName = (n: string) => callers.find((c) => c.name === n)!

  const deleted = await loginAs(t.app, 'citizen-new', '10.91.100.1')
  const del = await t.app.inject({ method: 'POST', url: '/api/me/deletion', headers: bearer(deleted.accessToken), payload: { confirm: '注销' } })
  assert.equal(del.statusCode, 200, del.body)
  byName('deleted account').token = deleted.accessToken

  await t.ctx.db.insertInto('users').values({ id: 'user-matrix-market-officer', roles: ['citizen', 'officer'], org_name: '杭州市市场监督管理局' }).execute()
  byName('officer of another department').token = await signAccessToken(t.ctx.config.jwtSecret, { userId: 'user-matrix-market-officer', roles: ['citizen', 'officer'] })

  byName('expired token').token = await signAccessToken(t.ctx.config.jwtSecret, { userId: persona('citizen-red').userId, roles: ['citizen'] }, -60)

  const revoked = await loginAs(t.app, 'citizen-repairable', '10.91.101.1')
  const out = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers: bearer(revoked.accessToken), payload: { refreshToken: revoked.refreshToken } })
  assert.equal(out.statusCode, 204, out.body)
  byName('revoked token (logged out)').token = revoked.accessToken

  // Something of each subject's own under every collection the seed leaves empty for them.
  for (const c of [byName('citizen'), byName('other citizen'), byName('agent for its enterprise'), byName('agent of another enterprise')]) {
    await send(c, 'POST', '/api/reports', { kind: 'full' })
  }
  // A case of each kind in the officers' queues (none of them concerns the other department).
  const applicant = await loginAs(t.app, 'citizen-serious', '10.91.102.1')
  await fileOfficerCases(t, { objector: byName('other citizen').token!, applicant: applicant.accessToken }, '杭州市上城区消防救援大队', persona('citizen-serious').subject.id)
})
after(() => t.close())

function headersOf(c: Caller): Record<string, string> {
  return { ...(c.token ? bearer(c.token) : {}), ...(c.xSubject ? { 'x-subject': c.xSubject } : {}) }
}

async function send(c: Caller, method: string, url: string, body?: unknown) {
  const res = await t.app.inject({
    method: method as 'GET',
    url,
    headers: { ...headersOf(c), ...(method === 'GET' ? {} : { 'content-type': 'application/json' }) },
    remoteAddress: c.address,
    ...(method === 'GET' ? {} : { payload: JSON.stringify(body ?? {}) }),
  })
  checked++
  return res
}

/** Identifiers no answer to `c` may hold: those of every subject it does not act for. */
function foreignMarks(c: Caller): { subject: string; mark: string }[] {
  const own = new Set([c.subject, ...(c.alsoOwn ?? [])])
  const all = [...enterprises, ...personas.map((p) => ({ ...p.subject, phone: p.phone }))] as { id: string; name: string; identifier: string; phone?: string }[]
  return all.filter((s) => !own.has(s.id)).flatMap((s) => [s.identifier, s.name, s.phone].filter((m): m is string => Boolean(m)).map((mark) => ({ subject: s.id, mark })))
}

function fail(msg: string) {
  failures.push(msg)
}

function checkContract(where: string, res: { statusCode: number; body: string }) {
  if (res.statusCode >= 500) return fail(`${where} → ${res.statusCode} ${res.body.slice(0, 200)}`)
  if (res.statusCode < 400) return
  let parsed: { error?: { code?: unknown; message?: unknown } } = {}
  try {
    parsed = JSON.parse(res.body)
  } catch {
    return fail(`${where} → ${res.statusCode} with a body that is not JSON: ${res.body.slice(0, 120)}`)
  }
  if (!/^[A-Z][A-Z0-9_]*$/.test(String(parsed.error?.code)) || !/[\u4e00-\u9fa5]/.test(String(parsed.error?.message))) {
    fail(`${where} → ${res.statusCode} outside the contract shape {error:{code,message(中文)}}: ${res.body.slice(0, 160)}`)
  }
}

function checkNoLeak(where: string, c: Caller, body: string) {
  for (const { subject, mark } of foreignMarks(c)) if (body.includes(mark)) fail(`${where} → the answer holds ${subject}'s ${mark}`)
}

/** What a caller of this kind must get from a route with this policy (on a made-up id). */
function checkAccess(where: string, access: Access, c: Caller, res: { statusCode: number; body: string }) {
  checkContract(where, res)
  const s = res.statusCode
  if ('public' in access) {
    if (s === 401 || s === 403) fail(`${where} → ${s} on a public route`)
    return
  }
  if (!c.token || c.dead) {
    if (s !== 401) fail(`${where} → ${s}, expected 401 (${c.dead ? 'a dead token' : 'no token'})`)
    return
  }
  if ('roles' in access) {
    const allowed = access.roles.some((r) => c.roles.includes(r))
    if (!allowed && s !== 403) fail(`${where} → ${s}, expected 403 (needs ${access.roles.join('/')}): ${res.body.slice(0, 120)}`)
    if (allowed && (s === 401 || s === 403)) fail(`${where} → ${s} for a caller holding the role: ${res.body.slice(0, 120)}`)
    return
  }
  // Without a real-name binding a subject's routes ask for one; whatever it gets, it holds nobody's data.
  const askedForRealName = c.noRealName && s === 403 && res.body.includes('"REAL_NAME_REQUIRED"')
  if ((s === 401 || s === 403) && !askedForRealName) fail(`${where} → ${s} for a signed-in caller: ${res.body.slice(0, 120)}`)
  if (access.subject && c.name === 'agent not bound to the enterprise' && s !== 404 && !(s === 400 && where.startsWith('POST'))) {
    fail(`${where} → ${s}, expected 404 for an enterprise the agent is not bound to`)
  }
  if (access.subject && s < 300) checkNoLeak(where, c, res.body)
}

const MADE_UP_ID = '00000000-0000-4000-8000-000000000000'
const fillParams = (url: string, value: string) => url.replace(/:[A-Za-z_]+/g, encodeURIComponent(value))

describe('authorisation matrix (every route of the route table × every kind of caller)', () => {
  it('every API route has an access policy', () => {
    const missing = routes.filter((r) => !policyFor(r.method, r.url)).map((r) => `${r.method} ${r.url}`)
    assert.deepEqual(missing, [], `No access policy for:\n  ${missing.join('\n  ')}\nAdd the route's prefix to accessPolicy in server/security/access-policy.ts (public, signedIn with subject true/false, or the staff roles that may call it).`)
  })

  it('each caller gets what its role allows on every route: 401 without a live token, 403 without the role, never a 500, never another subject\'s data', async (ctx) => {
    const from = checked
    // Reads first, then writes (a write that succeeds may end the caller's session: logout).
    const ordered = [...routes.filter((r) => r.method === 'GET'), ...routes.filter((r) => r.method !== 'GET')]
    for (const route of ordered) {
      const policy = policyFor(route.method, route.url)
      if (!policy) continue
      const url = fillParams(route.url, MADE_UP_ID)
      const answers = await Promise.all(callers.map((c) => send(c, route.method, url)))
      answers.forEach((res, i) => checkAccess(`${route.method} ${route.url} as ${callers[i].name}`, policy.access, callers[i], res))
      if (route.method !== 'GET') await Promise.all(callers.filter((_, i) => answers[i].statusCode < 300).map(relogin))
    }
    assert.ok(checked > routes.length * callers.length - 1, `${checked} requests`)
    ctx.diagnostic(`reliability ${JSON.stringify({ authorisationCases: checked - from })}`)
    assert.deepEqual(failures, [], `${failures.length} authorisation failures:\n  ${failures.join('\n  ')}`)
  })

  it("another subject's ids answer 404 on every route under a collection; the caller's own ids are served", async (ctx) => {
    failures.length = 0
    const subjectCallers = callers.filter((c) => c.subject && !c.dead && c.name !== 'agent not bound to the enterprise')
    const from = checked
    const withParams = routes.filter((r) => r.url.includes(':') && (policyFor(r.method, r.url)?.access as { subject?: boolean }).subject)
    let foreignTried = 0
    let ownServed = 0
    for (const route of withParams) {
      // ids come from the collection the route sits under: /api/reports/:id/file ← GET /api/reports
      const collection = route.url.slice(0, route.url.indexOf('/:'))
      if (!routes.some((r) => r.method === 'GET' && r.url === collection)) continue
      const idsOf = new Map<Caller, string[]>()
      for (const c of subjectCallers) {
        const res = await send(c, 'GET', collection)
        const data = res.statusCode === 200 ? (JSON.parse(res.body) as { items?: unknown[] } | unknown[]) : []
        const items = Array.isArray(data) ? data : (data.items ?? [])
        idsOf.set(c, items.map((i) => (i as { id?: unknown }).id).filter((id): id is string => typeof id === 'string'))
      }
      for (const c of subjectCallers) {
        const own = new Set(idsOf.get(c))
        const foreign = [...new Set(subjectCallers.flatMap((o) => idsOf.get(o)!.slice(0, 4)))].filter((id) => !own.has(id))
        const answers = await Promise.all(foreign.map((id) => send(c, route.method, fillParams(route.url, id))))
        answers.forEach((res, i) => {
          const where = `${route.method} ${route.url} with another subject's id ${foreign[i]} as ${c.name}`
          foreignTried++
          checkContract(where, res)
          if (res.statusCode !== 404) fail(`${where} → ${res.statusCode}, expected 404: ${res.body.slice(0, 120)}`)
        })
        // The same route serves the caller's own ids (reads only: a write would change what later checks see).
        if (route.method === 'GET' && /\/:[A-Za-z_]+$/.test(route.url)) {
          for (const id of [...own].slice(0, 2)) {
            const res = await send(c, 'GET', fillParams(route.url, id))
            checkContract(`${route.url} own ${id} as ${c.name}`, res)
            if (res.statusCode !== 200) fail(`GET ${route.url} with its own id ${id} as ${c.name} → ${res.statusCode}: ${res.body.slice(0, 120)}`)
            else {
              ownServed++
              checkNoLeak(`GET ${route.url} own ${id} as ${c.name}`, c, res.body)
            }
          }
        }
      }
    }
    ctx.diagnostic(`${foreignTried} foreign ids tried, ${ownServed} own ids served, ${checked} requests in all`)
    ctx.diagnostic(`reliability ${JSON.stringify({ authorisationCases: checked - from })}`)
    assert.deepEqual(failures, [], `${failures.length} failures:\n  ${failures.join('\n  ')}`)
    assert.ok(foreignTried >= 20, `only ${foreignTried} foreign ids tried: the collections hold too little to compare`)
    assert.ok(ownServed >= 5, `only ${ownServed} own ids served`)
  })

  it('an officer of another department: every case in the queues answers 404 as a case that does not exist, on every case route; none is in its queues', async (ctx) => {
    failures.length = 0
    const scoped = routes.filter((r) => (policyFor(r.method, r.url)?.access as { departmentScope?: boolean }).departmentScope)
    const authority = callers.find((c) => c.name === 'officer')!
    const other = callers.find((c) => c.name === 'officer of another department')!
    const itemIds = async (c: Caller, url: string) => ((JSON.parse((await send(c, 'GET', url)).body) as { items?: { id: string }[] }).items ?? []).map((i) => i.id)
    let cases = 0
    const from = checked
    for (const queue of scoped.filter((r) => r.method === 'GET' && !r.url.includes(':'))) {
      const ids = await itemIds(authority, queue.url)
      if (ids.length === 0) fail(`GET ${queue.url}: the credit authority's queue is empty, nothing to compare`)
      const leaked = (await itemIds(other, queue.url)).filter((id) => ids.includes(id))
      if (leaked.length > 0) fail(`GET ${queue.url} as ${other.name} lists ${leaked.join(', ')}`)
      for (const route of scoped.filter((r) => r.url.startsWith(`${queue.url}/:`))) {
        const unknown = await send(other, route.method, fillParams(route.url, MADE_UP_ID))
        for (const id of ids) {
          const res = await send(other, route.method, fillParams(route.url, id))
          const where = `${route.method} ${route.url} with case ${id} as ${other.name}`
          cases++
          checkContract(where, res)
          if (route.method === 'GET' && res.statusCode !== 404) fail(`${where} → ${res.statusCode}, expected 404`)
          if (res.statusCode !== unknown.statusCode || JSON.parse(res.body).error?.code !== JSON.parse(unknown.body).error?.code) {
            fail(`${where} → ${res.statusCode} ${res.body.slice(0, 120)}, but a case that does not exist → ${unknown.statusCode}`)
          }
        }
      }
    }
    ctx.diagnostic(`${cases} cases of other departments tried`)
    ctx.diagnostic(`reliability ${JSON.stringify({ authorisationCases: checked - from })}`)
    assert.deepEqual(failures, [], `${failures.length} failures:\n  ${failures.join('\n  ')}`)
    assert.ok(cases >= 10, `only ${cases} cases tried`)
  })
})
