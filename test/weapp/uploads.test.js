'use strict'
// Weapp: evidence files go up through wx.uploadFile (a fake server here) the way the uploader and
// the outbox send them in WeChat — to /api/uploads with the bearer token, refreshed once on a 401 —
// and the submission that carries them is sent only after, with the upload ids in place of the
// local paths. The outbox item is left by an earlier run in storage, as after an app restart.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const path = require('node:path')
const { createEnvironment } = require('./harness')

const ROOT = path.resolve(__dirname, '..', '..')
const DIST = path.join(ROOT, 'dist', 'weapp')

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  it('dist/weapp exists', () => assert.fail('dist/weapp/app.json not found: run `npm run build:weapp` before `npm run test:weapp`'))
  return
}

const PRIVACY_POLICY_VERSION = /PRIVACY_POLICY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'src', 'domain', 'policy.ts'), 'utf8'))[1]
const user = {
  id: 'user-zhao', name: '赵*', phone: '138****0004', idNumber: '330106********0034', realNameVerified: true, wechatBound: false,
  roles: ['citizen'], orgName: null, subjects: [{ id: 'person-zhao', kind: 'person', name: '赵*', identifier: '330106********0034', relation: '本人' }],
}
const LOCAL = 'wxfile://tmp_5f1c2d/evidence.png'

const uploads = []
const posts = []
const upload = (req) => {
  uploads.push(req)
  // the first try carries an access token that has expired meanwhile
  if (req.header.Authorization === 'Bearer access-old') return { statusCode: 401, data: JSON.stringify({ error: { code: 'TOKEN_EXPIRED', message: '登录已过期' } }) }
  return { statusCode: 201, data: JSON.stringify({ id: 'upl-7', type: 'image/png', size: 2048, sha256: 'a'.repeat(64) }) }
}
function respond(req) {
  const p = new URL(String(req.url), 'http://127.0.0.1').pathname
  const ok = (data, statusCode = 200) => ({ statusCode, data: JSON.stringify(data) })
  if (p.endsWith('/api/auth/refresh')) return ok({ accessToken: 'access-new', refreshToken: 'refresh-2', expiresIn: 900, user })
  if (p.endsWith('/api/objections')) {
    posts.push(req)
    return ok({ id: 'obj-1', status: '已受理' }, 201)
  }
  if (p.endsWith('/api/messages')) return ok({ items: [], nextCursor: null, unread: 0 })
  if (p.endsWith('/api/me')) return ok(user)
  if (p.endsWith('/api/health')) return ok({ status: 'ok' })
  return ok({ error: { code: 'NOT_FOUND', message: `no fixture for ${p}` } }, 404)
}

const env = createEnvironment(DIST, { respond, upload })
const persisted = (state) => JSON.stringify({ state, version: 0 })
env.storage.set('creditpass-consent', persisted({ acceptedVersion: PRIVACY_POLICY_VERSION, acceptedAt: '2026-11-01T00:00:00.000Z' }))
env.storage.set('creditpass-auth', persisted({ accessToken: 'access-old', refreshToken: 'refresh-1', user, actingFor: null }))
env.storage.set(
  'creditpass-outbox',
  persisted({
    drafts: {},
    items: [
      {
        id: 'ob-1', kind: 'objection', title: '异议：欠缴记录', formKey: null, ownerId: user.id, subject: null, url: '/objections',
        body: { recordId: 'rec-zhao-1', reason: '该笔费用已于当月缴清', evidence: ['outbox-file:f1'] },
        files: [{ ref: 'f1', localPath: LOCAL, name: 'evidence.png', uploadId: null }],
        idempotencyKey: 'idem-ob-1', status: 'sending', attempts: 1, nextAttemptAt: 0, lastError: null,
        resultPath: 'id', link: null, resultId: null, topics: ['objections'], createdAt: 1, updatedAt: 1,
      },
    ],
  }),
)

describe('weapp uploads through wx.uploadFile', () => {
  before(async () => {
    env.install()
    env.requireRel('app')
    env.app.onLaunch(env.launchOptions)
    if (typeof env.app.onShow === 'function') env.app.onShow(env.launchOptions)
    await env.settle(200, 8000)
  })
  after(() => env.uninstall())

  it('uploads the file to /api/uploads as multipart field "file", with the token refreshed once after a 401', () => {
    assert.equal(uploads.length, 2, `two tries: ${JSON.stringify(uploads.map((u) => u.header.Authorization))}`)
    for (const u of uploads) {
      assert.match(u.url, /\/api\/uploads$/)
      assert.equal(u.filePath, LOCAL)
      assert.equal(u.name, 'file')
    }
    assert.deepEqual(uploads.map((u) => u.header.Authorization), ['Bearer access-old', 'Bearer access-new'])
  })

  it('sends the submission after the upload, once, with its Idempotency-Key and the upload id instead of the local path', () => {
    assert.equal(posts.length, 1)
    const body = typeof posts[0].data === 'string' ? JSON.parse(posts[0].data) : posts[0].data
    assert.deepEqual(body.evidence, ['upl-7'])
    assert.equal(posts[0].header['Idempotency-Key'], 'idem-ob-1')
    assert.ok(!JSON.stringify(body).includes('wxfile://'), 'no local path reaches the server')
  })

  it('keeps the item as 已提交 with the server id, across the restart it survived', () => {
    const stored = JSON.parse(env.storage.get('creditpass-outbox')).state.items
    assert.equal(stored.length, 1)
    assert.equal(stored[0].status, 'done')
    assert.equal(stored[0].resultId, 'obj-1')
    assert.equal(stored[0].files[0].uploadId, 'upl-7')
  })

  it('raised no error in the mini-program', () => {
    assert.deepEqual(env.errors.map((e) => String((e && e.stack) || e)), [])
  })
})
