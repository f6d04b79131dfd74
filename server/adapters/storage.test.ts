import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, before, describe, it } from 'node:test'
import { AppError } from '../http/errors'
import { startFakeS3, type FakeS3 } from '../testing/fake-s3'
import { DirectoryStorage, S3Storage } from './storage'

const KEY = '0f8fad5b-d9cb-469f-a165-70867728950e'

describe('directory storage', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-storage-'))
  after(() => fs.rmSync(root, { recursive: true, force: true }))
  const storage = new DirectoryStorage(root)

  it('stores, reads back and deletes an object; a missing one is null and deleting it again is fine', async () => {
    await storage.put(KEY, Buffer.from('hello'), 'application/pdf')
    assert.deepEqual(await storage.get(KEY), Buffer.from('hello'))
    await storage.delete(KEY)
    assert.equal(await storage.get(KEY), null)
    await storage.delete(KEY)
  })

  it('leaves no temporary file behind, and files are readable by the service only', async () => {
    await storage.put(KEY, Buffer.alloc(1000, 7), 'image/png')
    const files = fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((e) => e.isFile())
    assert.deepEqual(files.map((f) => f.name), [KEY])
    assert.equal(fs.statSync(path.join(files[0].parentPath, KEY)).mode & 0o077, 0)
  })

  it('refuses any key that could be a path', async () => {
    for (const key of ['../../etc/passwd', 'a/b/c/d/e/f', '..', 'ABCDEFGH', '', 'x'.repeat(200)]) {
      await assert.rejects(storage.put(key, Buffer.from('x'), 'image/png'), /invalid storage key/)
    }
    assert.ok(!fs.existsSync(path.join(root, '..', 'etc')))
  })
})

describe('S3 storage against an S3-compatible server', () => {
  let s3: FakeS3
  let storage: S3Storage
  const s3Storage = (timeoutMs: number) =>
    new S3Storage({ endpoint: s3.url, bucket: s3.bucket, region: 'cn-east-1', accessKeyId: 'test', secretAccessKey: 'test-secret', timeoutMs, maxAttempts: 1 })
  before(async () => {
    s3 = await startFakeS3()
    storage = s3Storage(5000)
  })
  after(() => s3.close())

  it('puts, gets and deletes an object (path-style, signed, no default CRC32 checksum)', async () => {
    const data = Buffer.from('%PDF-1.4 evidence')
    await storage.put(KEY, data, 'application/pdf')
    assert.deepEqual(s3.objects.get(KEY), data)
    const put = s3.requests.find((r) => r.method === 'PUT')!
    assert.equal(put.path, `/${s3.bucket}/${KEY}`)
    assert.equal(put.headers['content-type'], 'application/pdf')
    assert.match(String(put.headers.authorization), /^AWS4-HMAC-SHA256 Credential=test\//)
    assert.ok(!Object.keys(put.headers).some((h) => h.startsWith('x-amz-checksum-')), 'no checksum header')
    assert.deepEqual(await storage.get(KEY), data)
    await storage.delete(KEY)
    assert.equal(s3.objects.has(KEY), false)
  })

  it('a missing object (NoSuchKey) reads as null', async () => {
    assert.equal(await storage.get('ffffffff-ffff-4fff-8fff-ffffffffffff'), null)
  })

  for (const status of [403, 500] as const) {
    it(`an S3 error ${status} becomes a 503 with a Chinese message, for put, get and delete`, async () => {
      s3.mode = status
      try {
        for (const call of [() => storage.put(KEY, Buffer.from('x'), 'image/png'), () => storage.get(KEY), () => storage.delete(KEY)]) {
          await assert.rejects(call(), (e: unknown) => e instanceof AppError && e.status === 503 && e.message === '文件存储暂时不可用，请稍后重试')
        }
      } finally {
        s3.mode = 'ok'
      }
    })
  }

  it('a server that never answers times out instead of hanging the request', async () => {
    const impatient = s3Storage(300)
    await impatient.get(KEY) // loads the SDK before the clock starts
    s3.mode = 'hang'
    const started = Date.now()
    try {
      await assert.rejects(impatient.get(KEY), (e: unknown) => e instanceof AppError && e.status === 503)
    } finally {
      s3.mode = 'ok'
    }
    assert.ok(Date.now() - started < 5000, `took ${Date.now() - started} ms`)
  })
})
