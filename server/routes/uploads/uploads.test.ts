import assert from 'node:assert/strict'
import crypto from 'node:crypto'
import fs from 'node:fs'
import net from 'node:net'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { UPLOAD_MAX_BYTES, UPLOADS_PER_USER_PER_DAY } from '../../../src/domain/policy'
import { bearer, loginAs, startTestApp, type TestApp } from '../../testing/app'
import { multipartBody, samples, type Part } from '../../testing/multipart'
import { signaturePng } from '../../testing/png'

let t: TestApp
const tokens: Record<string, string> = {}
before(async () => {
  t = await startTestApp()
  for (const p of ['citizen-red', 'citizen-new', 'citizen-serious', 'agent-yunqi', 'staff-officer']) tokens[p] = (await loginAs(t.app, p)).accessToken
})
after(() => t.close())

const YUNQI = '91330106MA2H3K5Q7N'
const upload = (persona: string, parts: Part[], headers: Record<string, string> = {}, opts: { cut?: boolean } = {}) => {
  const body = multipartBody(parts, opts)
  return t.app.inject({ method: 'POST', url: '/api/uploads', payload: body.payload, headers: { ...bearer(tokens[persona]), ...body.headers, ...headers } })
}
const file = (data: Buffer, filename = 'evidence.pdf', type = 'application/pdf'): Part => ({ field: 'file', filename, type, data })
const read = (persona: string, id: string, headers: Record<string, string> = {}) => t.app.inject({ url: `/api/uploads/${id}`, headers: { ...bearer(tokens[persona]), ...headers } })

/** Every file in the storage directory, temporary ones included. */
function storedFiles(): string[] {
  const dir = path.join(t.dataDir, 'uploads')
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name).sort()
}
const uploadRows = async () => Number((await t.ctx.db.selectFrom('uploads').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n)

/** Runs `act` and asserts it changed neither the storage directory nor the uploads table. */
async function leavesNothing(act: () => Promise<void>) {
  const files = storedFiles()
  const rows = await uploadRows()
  await act()
  assert.deepEqual(storedFiles(), files, 'nothing new in storage')
  assert.equal(await uploadRows(), rows, 'no new upload row')
}

describe('uploading a file', () => {
  it('stores a PDF and gives it back to its owner, with its type, size and SHA-256', async () => {
    const res = await upload('citizen-red', [file(samples.pdf, '处罚决定书.pdf')])
    assert.equal(res.statusCode, 201, res.body)
    const u = res.json()
    assert.deepEqual(Object.keys(u).sort(), ['id', 'sha256', 'size', 'type'])
    assert.deepEqual([u.type, u.size, u.sha256], ['application/pdf', samples.pdf.length, crypto.createHash('sha256').update(samples.pdf).digest('hex')])
    const back = await read('citizen-red', u.id)
    assert.equal(back.statusCode, 200)
    assert.deepEqual(back.rawPayload, samples.pdf)
    assert.equal(back.headers['content-type'], 'application/pdf')
    assert.equal(back.headers['cache-control'], 'private, no-store')
    assert.equal(back.headers['content-disposition'], `attachment; filename="${u.id}.pdf"`, 'a server-made name, never the uploaded one')
    assert.ok(storedFiles().includes(u.id), 'stored under the server-made key')
  })

  it('decides the type by content: PDF bytes named .png are a PDF; JPEG bytes named .pdf are a JPEG', async () => {
    const pdf = await upload('citizen-red', [file(samples.pdf, 'photo.png', 'image/png')])
    assert.equal(pdf.statusCode, 201, pdf.body)
    assert.equal(pdf.json().type, 'application/pdf')
    assert.equal((await read('citizen-red', pdf.json().id)).headers['content-type'], 'application/pdf')
    const jpeg = await upload('citizen-red', [file(samples.jpeg, 'scan.pdf', 'application/pdf')])
    assert.equal(jpeg.json().type, 'image/jpeg')
    assert.match(String((await read('citizen-red', jpeg.json().id)).headers['content-disposition']), /\.jpg"$/)
  })

  it('an enterprise agent uploads for the enterprise: the enterprise owns it, not the agent personally', async () => {
    const res = await upload('agent-yunqi', [file(samples.pdf)], { 'x-subject': YUNQI })
    assert.equal(res.statusCode, 201)
    assert.equal((await read('agent-yunqi', res.json().id, { 'x-subject': YUNQI })).statusCode, 200)
    assert.equal((await read('agent-yunqi', res.json().id)).statusCode, 404)
  })
})

describe('refused uploads leave nothing behind', () => {
  const refusals: [string, () => Part[], number, string][] = [
    ['an ELF executable renamed .jpg', () => [file(samples.elf, 'photo.jpg', 'image/jpeg')], 415, '不支持该文件类型，只能上传（JPG、PNG 图片或 PDF 文件）'],
    ['a Windows executable renamed .pdf', () => [file(samples.exe, 'scan.pdf')], 415, '不支持该文件类型，只能上传（JPG、PNG 图片或 PDF 文件）'],
    ['an SVG (scripts inside) named .png', () => [file(samples.svg, 'a.png', 'image/png')], 415, '不支持该文件类型，只能上传（JPG、PNG 图片或 PDF 文件）'],
    ['an empty file', () => [file(Buffer.alloc(0))], 400, '文件是空的，请重新选择文件'],
    ['a file one byte over the limit', () => [file(Buffer.concat([samples.pdf, Buffer.alloc(UPLOAD_MAX_BYTES + 1 - samples.pdf.length, 0x20)]))], 413, '文件不能超过 10 MB'],
    ['two files in one request', () => [file(samples.pdf), file(samples.pdf)], 400, '一次只能上传一个文件'],
    ['three files in one request', () => [file(samples.pdf), file(samples.pdf), file(samples.pdf)], 400, '一次只能上传一个文件'],
    ['a file in another field', () => [{ field: 'attachment', filename: 'a.pdf', data: samples.pdf }], 400, '请在字段 file 中上传文件'],
    ['a form without a file', () => [{ field: 'note', data: '没有文件' }], 400, '请选择要上传的文件（字段名 file）'],
  ]
  for (const [what, parts, status, message] of refusals) {
    it(`refuses ${what} (${status}, in Chinese)`, async () => {
      await leavesNothing(async () => {
        const res = await upload('citizen-red', parts())
        assert.equal(res.statusCode, status, res.body)
        assert.equal(res.json().error.message, message)
      })
    })
  }

  it('accepts a file of exactly the limit', async () => {
    const res = await upload('citizen-serious', [file(Buffer.concat([samples.pdf, Buffer.alloc(UPLOAD_MAX_BYTES - samples.pdf.length, 0x20)]))])
    assert.equal(res.statusCode, 201, res.body)
    assert.equal(res.json().size, UPLOAD_MAX_BYTES)
  })

  it('refuses a stream cut short (no closing boundary) and a JSON body', async () => {
    await leavesNothing(async () => {
      const cut = await upload('citizen-red', [file(Buffer.concat([samples.pdf, Buffer.alloc(50_000, 0x20)]))], {}, { cut: true })
      assert.equal(cut.statusCode, 400, cut.body)
      assert.equal(cut.json().error.message, '文件没有完整上传，请重新上传')
      const json = await t.app.inject({ method: 'POST', url: '/api/uploads', payload: { file: 'x' }, headers: bearer(tokens['citizen-red']) })
      assert.equal(json.statusCode, 415)
      assert.match(json.json().error.message, /multipart\/form-data/)
    })
  })

  it('a client that disconnects mid-upload leaves nothing, and the server keeps serving', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' })
    const { port } = t.app.server.address() as net.AddressInfo
    const body = multipartBody([file(Buffer.concat([samples.pdf, Buffer.alloc(200_000, 0x20)]))])
    await leavesNothing(async () => {
      const socket = net.connect(port, '127.0.0.1')
      await new Promise<void>((resolve) => socket.once('connect', () => resolve()))
      socket.write(`POST /api/uploads HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${tokens['citizen-red']}\r\ncontent-type: ${body.headers['content-type']}\r\ncontent-length: ${body.payload.length}\r\n\r\n`)
      socket.write(body.payload.subarray(0, 120_000))
      await new Promise((r) => setTimeout(r, 300))
      socket.destroy()
      await new Promise((r) => setTimeout(r, 500))
    })
    const res = await fetch(`http://127.0.0.1:${port}/api/uploads`, { method: 'POST', body: body.payload, headers: { ...body.headers, authorization: `Bearer ${tokens['citizen-red']}` } })
    assert.equal(res.status, 201)
  })
})

describe('who may read a file', () => {
  it('another person, an unknown id and a malformed id all get the same 404', async () => {
    const id = (await upload('citizen-red', [file(samples.pdf)])).json().id
    for (const [persona, target] of [['citizen-new', id], ['citizen-red', crypto.randomUUID()], ['citizen-red', '../../jwt-secret']] as const) {
      const res = await read(persona, encodeURIComponent(target))
      assert.equal(res.statusCode, 404)
      assert.equal(res.json().error.message, '文件不存在或无权查看')
    }
    assert.equal((await t.app.inject({ url: `/api/uploads/${id}` })).statusCode, 401)
  })

  it('an officer cannot read an upload that is not attached to a case of theirs', async () => {
    const id = (await upload('citizen-red', [file(samples.pdf)])).json().id
    assert.equal((await read('staff-officer', id)).statusCode, 404)
  })

  it('the officer deciding commitments can read a commitment\'s signature; other people cannot', async () => {
    const tpl = (await t.app.inject({ url: '/api/commitments/templates/tpl-person-integrity', headers: bearer(tokens['citizen-new']) })).json()
    const signed = await t.app.inject({
      method: 'POST', url: '/api/commitments', headers: bearer(tokens['citizen-new']),
      payload: { templateId: tpl.id, version: tpl.version, textSha256: tpl.textSha256, agreed: true, signaturePng: signaturePng().toString('base64') },
    })
    const row = await t.ctx.db.selectFrom('commitments').select('signature_upload_id').where('id', '=', signed.json().id).executeTakeFirstOrThrow()
    const id = row.signature_upload_id!
    assert.equal((await read('citizen-new', id)).statusCode, 200, 'the signer')
    assert.deepEqual((await read('staff-officer', id)).rawPayload, signaturePng(), 'the officer')
    assert.equal((await read('citizen-red', id)).statusCode, 404, 'anyone else')
  })
})

describe('the daily upload limit', () => {
  it(`with ${UPLOADS_PER_USER_PER_DAY - 5} uploads today, 10 simultaneous uploads: exactly 5 succeed, the rest are refused and leave nothing`, async () => {
    const user = await t.ctx.db.selectFrom('users').select(['id', 'subject_id']).where('persona', '=', 'citizen-new').executeTakeFirstOrThrow()
    const earlier = Array.from({ length: UPLOADS_PER_USER_PER_DAY - 5 }, () => {
      const id = crypto.randomUUID()
      return { id, subject_id: user.subject_id!, uploader_user_id: user.id, purpose: 'evidence' as const, storage_key: id, content_type: 'application/pdf' as const, size: 1, sha256: '0'.repeat(64), created_at: new Date() }
    })
    await t.ctx.db.insertInto('uploads').values(earlier).execute()
    const filesBefore = storedFiles().length
    const results = await Promise.all(Array.from({ length: 10 }, () => upload('citizen-new', [file(samples.pdf)])))
    const codes = results.map((r) => r.statusCode).sort()
    assert.deepEqual(codes, [201, 201, 201, 201, 201, 429, 429, 429, 429, 429])
    assert.equal(results.find((r) => r.statusCode === 429)!.json().error.message, `24 小时内最多上传 ${UPLOADS_PER_USER_PER_DAY} 个文件，请稍后再试`)
    assert.equal(storedFiles().length, filesBefore + 5, 'refused files were removed from storage')
    // An upload older than a day no longer counts.
    await t.ctx.db.updateTable('uploads').set({ created_at: new Date(Date.now() - 25 * 3600_000) }).where('id', '=', earlier[0].id).execute()
    assert.equal((await upload('citizen-new', [file(samples.pdf)])).statusCode, 201)
  })

  it('the same Idempotency-Key uploads once', async () => {
    const key = { 'idempotency-key': 'upload-key-0001' }
    const rows = await uploadRows()
    const a = await upload('citizen-red', [file(samples.pdf)], key)
    const b = await upload('citizen-red', [file(samples.pdf)], key)
    assert.equal(a.statusCode, 201)
    assert.equal(b.json().id, a.json().id)
    assert.equal(await uploadRows(), rows + 1)
  })
})
