import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import { after, before, describe, it } from 'node:test'
import { UNATTACHED_UPLOAD_TTL_HOURS, UPLOADS_PER_CASE } from '../../src/domain/policy'
import { moveLegacySignatures } from '../commitments/signature-storage'
import { AppError } from '../http/errors'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { startFakeS3, type FakeS3 } from '../testing/fake-s3'
import { multipartBody, samples } from '../testing/multipart'
import { signaturePng } from '../testing/png'
import { attachUploads } from './attachments'
import { purgeUnattachedUploads, saveUpload } from './uploads'

let t: TestApp
let red: { userId: string; subjectId: string }
let other: { userId: string; subjectId: string }
before(async () => {
  t = await startTestApp()
  const who = async (persona: string) => {
    const u = await t.ctx.db.selectFrom('users').select(['id', 'subject_id']).where('persona', '=', persona).executeTakeFirstOrThrow()
    return { userId: u.id, subjectId: u.subject_id! }
  }
  red = await who('citizen-red')
  other = await who('citizen-new')
})
after(() => t.close())

const evidence = (owner = red, data = samples.pdf) =>
  saveUpload(t.ctx.db, t.ctx.storage, { subjectId: owner.subjectId, uploaderUserId: owner.userId, data, purpose: 'evidence' })
const attach = (uploadIds: string[], caseId: string, owner = red) =>
  t.ctx.db.transaction().execute((trx) => attachUploads(trx, { subjectId: owner.subjectId, uploadIds, caseKind: 'objection', caseId }))
const refusedWith = (status: number, message: string) => (e: unknown) => e instanceof AppError && e.status === status && e.message === message
const storageKey = async (id: string) => (await t.ctx.db.selectFrom('uploads').select('storage_key').where('id', '=', id).executeTakeFirstOrThrow()).storage_key

describe('attaching uploads to a case', () => {
  it('attaches the subject\'s own uploads; another subject\'s upload or an attached one refuses the whole set', async () => {
    const [a, b] = [await evidence(), await evidence()]
    const foreign = await evidence(other)
    await assert.rejects(attach([a.id, foreign.id], 'case-1'), refusedWith(404, '附件不存在或已过期，请重新上传'))
    await assert.rejects(attach([a.id, crypto.randomUUID()], 'case-1'), refusedWith(404, '附件不存在或已过期，请重新上传'))
    await attach([a.id, b.id], 'case-1')
    await assert.rejects(attach([b.id], 'case-2'), refusedWith(409, '附件已用于其他申请，请重新上传'))
    await assert.rejects(attach([a.id, a.id], 'case-3'), refusedWith(400, '同一个文件不能重复添加'))
    const rows = await t.ctx.db.selectFrom('upload_attachments').select(['upload_id', 'case_id']).where('upload_id', 'in', [a.id, b.id, foreign.id]).execute()
    assert.deepEqual(rows.map((r) => r.case_id), ['case-1', 'case-1'])
  })

  it(`a case carries at most ${UPLOADS_PER_CASE} files`, async () => {
    const ids = []
    for (let i = 0; i <= UPLOADS_PER_CASE; i++) ids.push((await evidence()).id)
    await attach(ids.slice(0, UPLOADS_PER_CASE - 1), 'case-full')
    await assert.rejects(attach(ids.slice(UPLOADS_PER_CASE - 1), 'case-full'), refusedWith(400, `每件申请最多 ${UPLOADS_PER_CASE} 个附件`))
    await attach([ids[UPLOADS_PER_CASE - 1]], 'case-full')
  })

  it('the same upload attached to two cases at once: exactly one succeeds', async () => {
    const u = await evidence()
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => attach([u.id], `race-${i}`)))
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1)
    for (const r of results) if (r.status === 'rejected') assert.ok(refusedWith(409, '附件已用于其他申请，请重新上传')(r.reason), String(r.reason))
  })
})

describe('purging unattached uploads', () => {
  it(`removes rows and files of uploads unattached for ${UNATTACHED_UPLOAD_TTL_HOURS} hours; keeps attached and recent ones`, async () => {
    const [stale, attached, recent] = [await evidence(), await evidence(), await evidence()]
    await attach([attached.id], 'case-purge')
    const keys = { stale: await storageKey(stale.id), attached: await storageKey(attached.id), recent: await storageKey(recent.id) }
    const now = new Date(Date.now() + (UNATTACHED_UPLOAD_TTL_HOURS + 1) * 3600_000)
    await t.ctx.db.updateTable('uploads').set({ created_at: new Date(Date.now() + 2 * 3600_000) }).where('id', '=', recent.id).execute()
    const removed = await purgeUnattachedUploads(t.ctx.db, t.ctx.storage, now)
    assert.ok(removed >= 1)
    const left = (await t.ctx.db.selectFrom('uploads').select('id').where('id', 'in', [stale.id, attached.id, recent.id]).execute()).map((r) => r.id).sort()
    assert.deepEqual(left, [attached.id, recent.id].sort())
    assert.equal(await t.ctx.storage.get(keys.stale), null)
    assert.deepEqual(await t.ctx.storage.get(keys.attached), samples.pdf)
    assert.deepEqual(await t.ctx.storage.get(keys.recent), samples.pdf)
    assert.equal(await purgeUnattachedUploads(t.ctx.db, t.ctx.storage, new Date()), 0, 'nothing is a day old at the real now')
  })

  it('purge and attach racing on one upload: either it is attached and kept, or purged and the attach is refused', async () => {
    for (let i = 0; i < 5; i++) {
      const u = await evidence()
      await t.ctx.db.updateTable('uploads').set({ created_at: new Date(Date.now() - (UNATTACHED_UPLOAD_TTL_HOURS + 1) * 3600_000) }).where('id', '=', u.id).execute()
      const [purged, attached] = await Promise.allSettled([purgeUnattachedUploads(t.ctx.db, t.ctx.storage), attach([u.id], `purge-race-${i}`)])
      assert.equal(purged.status, 'fulfilled', String((purged as PromiseRejectedResult).reason))
      const row = await t.ctx.db.selectFrom('uploads').select('id').where('id', '=', u.id).executeTakeFirst()
      assert.equal(attached.status === 'fulfilled', Boolean(row), 'attached exactly when the upload survived')
    }
  })
})

describe('signatures signed before uploads existed', () => {
  it('are served from the database until moved, then moved to storage once even by two instances at once', async () => {
    const tokens = await loginAs(t.app, 'citizen-red')
    const tpl = (await t.app.inject({ url: '/api/commitments/templates/tpl-person-integrity', headers: bearer(tokens.accessToken) })).json()
    const png = signaturePng(320, 100)
    const ids = Array.from({ length: 3 }, () => crypto.randomUUID())
    await t.ctx.db.insertInto('commitments').values(ids.map((id, i) => ({
      id, receipt_no: `CPLEGACY${i}${id.slice(0, 6)}`, template_id: tpl.id, template_version: tpl.version, subject_id: red.subjectId,
      signer_user_id: red.userId, signer_relation: '本人', text_sha256: tpl.textSha256, signature_png: png,
      signature_sha256: crypto.createHash('sha256').update(png).digest('hex'),
    }))).execute()
    const image = (id: string) => t.app.inject({ url: `/api/commitments/${id}/signature.png`, headers: bearer(tokens.accessToken) })
    assert.deepEqual((await image(ids[0])).rawPayload, png, 'served from the database before the move')

    const objectsBefore = (await t.ctx.db.selectFrom('uploads').select('id').execute()).length
    const [a, b] = await Promise.all([moveLegacySignatures(t.ctx.db, t.ctx.storage), moveLegacySignatures(t.ctx.db, t.ctx.storage)])
    assert.equal(a + b, ids.length)
    const rows = await t.ctx.db.selectFrom('commitments as c').innerJoin('uploads as u', 'u.id', 'c.signature_upload_id')
      .innerJoin('upload_attachments as a', 'a.upload_id', 'u.id')
      .select(['c.signature_png', 'c.signature_sha256', 'u.sha256', 'u.subject_id', 'u.storage_key', 'a.case_kind', 'a.case_id']).where('c.id', 'in', ids).execute()
    assert.equal(rows.length, ids.length)
    for (const r of rows) {
      assert.deepEqual([r.signature_png, r.sha256, r.subject_id, r.case_kind], [null, r.signature_sha256, red.subjectId, 'commitment'])
      assert.deepEqual(await t.ctx.storage.get(r.storage_key), png)
    }
    assert.equal((await t.ctx.db.selectFrom('uploads').select('id').execute()).length, objectsBefore + ids.length, 'no duplicate copies')
    await purgeUnattachedUploads(t.ctx.db, t.ctx.storage, new Date(Date.now() + 48 * 3600_000))
    assert.deepEqual((await image(ids[0])).rawPayload, png, 'served from storage after the move (and not purged: attached)')
    assert.equal(await moveLegacySignatures(t.ctx.db, t.ctx.storage), 0)
  })
})

describe('uploads on S3-compatible storage', () => {
  let s3: FakeS3
  let s3App: TestApp
  before(async () => {
    s3 = await startFakeS3()
    s3App = await startTestApp({ S3_ENDPOINT: s3.url, S3_BUCKET: s3.bucket, S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's', S3_REGION: 'cn-east-1' })
  })
  after(async () => {
    await s3App.close()
    await s3.close()
  })

  it('stores and serves the file through S3; a refused file and an S3 outage leave no object and no row', async () => {
    const { accessToken } = await loginAs(s3App.app, 'citizen-red')
    const send = (data: Buffer) => {
      const body = multipartBody([{ field: 'file', filename: 'a.pdf', data }])
      return s3App.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...body.headers, ...bearer(accessToken) } })
    }
    const ok = await send(samples.pdf)
    assert.equal(ok.statusCode, 201, ok.body)
    assert.deepEqual([...s3.objects.keys()], [ok.json().id])
    const back = await s3App.app.inject({ url: `/api/uploads/${ok.json().id}`, headers: bearer(accessToken) })
    assert.deepEqual(back.rawPayload, samples.pdf)

    const refused = await send(samples.elf)
    assert.equal(refused.statusCode, 415)
    s3.mode = 500
    const outage = await send(samples.pdf).finally(() => (s3.mode = 'ok'))
    assert.equal(outage.statusCode, 503)
    assert.equal(outage.json().error.message, '文件存储暂时不可用，请稍后重试')
    assert.equal(s3.objects.size, 1)
    assert.equal((await s3App.ctx.db.selectFrom('uploads').select('id').where('purpose', '=', 'evidence').execute()).length, 1)
  })
})
