import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { ConfigError, loadConfig } from './config'
import { sql } from 'kysely'
import { seed } from './db/seed'
import { startTestApp } from './testing/app'

const dirs: string[] = []
const tmp = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-config-'))
  dirs.push(d)
  return d
}
after(() => dirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })))
const certificateFile = path.join(tmp(), 'signing.p12')
fs.writeFileSync(certificateFile, 'certificate')
const productionEnv = {
  NODE_ENV: 'production', JWT_SECRET: 'p'.repeat(40), SMS_GATEWAY_URL: 'http://127.0.0.1:9/sms',
  IDENTITY_VERIFY_URL: 'http://127.0.0.1:9/id', WECHAT_APPID: 'wx0', WECHAT_SECRET: 's',
  REPORT_SIGNING_P12: certificateFile,
}

describe('configuration', () => {
  it('reads which template serves which message kind, and refuses a malformed setting by name', () => {
    const c = loadConfig({
      DATA_DIR: tmp(),
      WECHAT_SUBSCRIBE_TEMPLATES: JSON.stringify({ record_expired: { templateId: 'T1', data: { thing1: 'title' } } }),
      SMS_NOTICE_TEMPLATES: JSON.stringify({ deadline_reminder: { template: 'SMS_1', params: { due: 'dueDate' } } }),
    })
    assert.equal(c.messageTemplates.wechat.record_expired.templateId, 'T1')
    assert.equal(c.messageTemplates.sms.deadline_reminder.params.due, 'dueDate')
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), WECHAT_SUBSCRIBE_TEMPLATES: '{bad' }), (e: Error) => e instanceof ConfigError && /WECHAT_SUBSCRIBE_TEMPLATES/.test(e.message))
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), SMS_NOTICE_TEMPLATES: '{"x":{"params":{}}}' }), (e: Error) => e instanceof ConfigError && /SMS_NOTICE_TEMPLATES/.test(e.message))
  })

  it('keeps a generated JWT secret in DATA_DIR across restarts in development', () => {
    const dir = tmp()
    const a = loadConfig({ DATA_DIR: dir })
    const b = loadConfig({ DATA_DIR: dir })
    assert.deepEqual(a.jwtSecret, b.jwtSecret)
    assert.equal(a.sandbox, true)
    assert.equal(a.port, 3000)
  })

  it('refuses to start in production without JWT_SECRET or real adapters', () => {
    assert.throws(() => loadConfig({ NODE_ENV: 'production', DATA_DIR: tmp() }), ConfigError)
    assert.throws(() => loadConfig({ ...productionEnv, SMS_GATEWAY_URL: '', DATA_DIR: tmp() }), /SMS_GATEWAY_URL/)
    assert.throws(() => loadConfig({ ...productionEnv, JWT_SECRET: 'short', DATA_DIR: tmp() }), /JWT_SECRET/)
    assert.equal(loadConfig({ ...productionEnv, DATA_DIR: tmp() }).sandbox, false)
  })

  it('refuses to start in production without a readable report-signing certificate, but not with SANDBOX=1', () => {
    const refused = (e: unknown) => e instanceof ConfigError && /REPORT_SIGNING_P12/.test(e.message)
    assert.throws(() => loadConfig({ ...productionEnv, REPORT_SIGNING_P12: '', DATA_DIR: tmp() }), refused)
    const missing = path.join(tmp(), 'absent.p12')
    assert.throws(() => loadConfig({ ...productionEnv, REPORT_SIGNING_P12: missing, DATA_DIR: tmp() }), (e: unknown) => e instanceof ConfigError && /签名证书无法读取/.test(e.message))
    assert.throws(() => loadConfig({ ...productionEnv, REPORT_SIGNING_P12: tmp(), DATA_DIR: tmp() }), (e: unknown) => e instanceof ConfigError && /签名证书无法读取/.test(e.message))
    assert.equal(loadConfig({ ...productionEnv, DATA_DIR: tmp() }).reportSigning.p12Path, certificateFile)
    assert.equal(loadConfig({ ...productionEnv, REPORT_SIGNING_P12: '', SANDBOX: '1', DATA_DIR: tmp() }).sandbox, true)
  })

  it('uses S3 storage only with all of S3_*, and refuses half a configuration', () => {
    const s3 = { S3_ENDPOINT: 'http://127.0.0.1:9000', S3_BUCKET: 'b', S3_ACCESS_KEY_ID: 'k', S3_SECRET_ACCESS_KEY: 's' }
    assert.equal(loadConfig({ DATA_DIR: tmp() }).s3, undefined)
    assert.deepEqual(loadConfig({ DATA_DIR: tmp(), ...s3 }).s3, { endpoint: s3.S3_ENDPOINT, bucket: 'b', accessKeyId: 'k', secretAccessKey: 's', region: 'us-east-1' })
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), ...s3, S3_BUCKET: '' }), (e: unknown) => e instanceof ConfigError && e.message === '对象存储配置不完整，缺少 S3_BUCKET')
    assert.throws(() => loadConfig({ DATA_DIR: tmp(), ...s3, S3_ENDPOINT: 'minio:9000' }), /S3_ENDPOINT 不是有效地址/)
  })

  it('rejects a bad PORT', () => {
    assert.throws(() => loadConfig({ PORT: 'abc', DATA_DIR: tmp() }), /PORT/)
  })

  it('in production the sandbox login does not exist unless SANDBOX=1', async () => {
    const prod = await startTestApp(productionEnv)
    try {
      assert.equal((await prod.app.inject('/api/auth/sandbox/personas')).statusCode, 404)
      const login = await prod.app.inject({ method: 'POST', url: '/api/auth/sandbox/login', payload: { persona: 'citizen-red' } })
      assert.equal(login.statusCode, 404)
      assert.equal((await prod.app.inject('/api/health')).json().sandbox, false)
    } finally {
      await prod.close()
    }
    const explicit = await startTestApp({ ...productionEnv, SANDBOX: '1' })
    try {
      assert.equal((await explicit.app.inject('/api/auth/sandbox/personas')).statusCode, 200)
    } finally {
      await explicit.close()
    }
  })

  it('when the sandbox is off, no demo account exists: the officer phone 13800000012 signs in as nobody special', async () => {
    const prod = await startTestApp(productionEnv)
    try {
      const demo = await prod.ctx.db.selectFrom('users').select('id').where((eb) => eb.or([eb('persona', 'is not', null), eb('phone', '=', '13800000012')])).execute()
      assert.deepEqual(demo, [])
      const staff = await prod.ctx.db.selectFrom('users').select('id').where(sql<boolean>`roles && array['officer','verifier','rental_partner','organizer']`).execute()
      assert.deepEqual(staff, [])
    } finally {
      await prod.close()
    }
  })

  it('when a production start finds demo data in its database, then it refuses with a Chinese ConfigError', async () => {
    const prod = await startTestApp(productionEnv)
    try {
      await seed(prod.ctx.db)
      await assert.rejects(prod.restart(), (e: unknown) => e instanceof ConfigError && /演示数据/.test(e.message) && /SANDBOX=1/.test(e.message))
    } finally {
      await prod.close()
    }
  })
})
