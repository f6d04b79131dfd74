'use strict'
// npm run upload:weapp: WeChat cannot be reached from here, so this checks what happens before the
// upload — the command line, the AppID, the key — and that every refusal is a clear Chinese
// sentence with exit code 2. --dry-run shows that a complete setup passes every check.

const { describe, it, before, after } = require('node:test')
const assert = require('node:assert/strict')
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { spawnSync } = require('node:child_process')

const SCRIPT = path.resolve(__dirname, '..', '..', 'scripts', 'upload-weapp.js')
const APPID = 'wx0123456789abcdef'

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-upload-'))
const project = path.join(dir, 'weapp')
const key = path.join(dir, 'private.key')

function upload(args, env = {}) {
  const clean = { ...process.env }
  for (const name of ['TARO_APP_ID', 'WEAPP_UPLOAD_KEY', 'WEAPP_ROBOT']) delete clean[name]
  const res = spawnSync(process.execPath, [SCRIPT, ...args], { env: { ...clean, ...env }, encoding: 'utf8' })
  return { code: res.status, out: res.stdout, err: res.stderr }
}

const ok = { TARO_APP_ID: APPID, WEAPP_UPLOAD_KEY: key }
const version = ['--version', '1.2.3', '--desc', '修复登录问题']

describe('npm run upload:weapp', () => {
  before(() => {
    fs.mkdirSync(project)
    fs.writeFileSync(path.join(project, 'app.json'), '{"pages":["pages/index/index"]}')
    fs.writeFileSync(path.join(project, 'project.config.json'), JSON.stringify({ appid: APPID }))
    fs.writeFileSync(key, '-----BEGIN RSA PRIVATE KEY-----\nMIIEow\n-----END RSA PRIVATE KEY-----\n')
  })
  after(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('passes every check with an AppID, a key, a version and a description (--dry-run)', () => {
    const r = upload([...version, '--dir', project, '--dry-run'], ok)
    assert.equal(r.code, 0, r.err)
    assert.match(r.out, new RegExp(`检查通过.*AppID ${APPID}，版本 1\\.2\\.3，机器人 1`))
  })

  it('accepts --version=… and a robot number', () => {
    const r = upload(['--version=2.0.10', '--desc=体验版', '--dir', project, '--dry-run'], { ...ok, WEAPP_ROBOT: '3' })
    assert.equal(r.code, 0, r.err)
    assert.match(r.out, /版本 2\.0\.10，机器人 3/)
  })

  const refusals = [
    ['without a key', version, { TARO_APP_ID: APPID }, /上传未进行：未设置上传密钥.*WEAPP_UPLOAD_KEY/],
    ['with a key file that does not exist', version, { ...ok, WEAPP_UPLOAD_KEY: path.join(dir, 'missing.key') }, /找不到上传密钥文件/],
    ['with the tourist AppID', version, { ...ok, TARO_APP_ID: 'touristappid' }, /游客 AppID 不能上传.*TARO_APP_ID/],
    ['without an AppID', version, { WEAPP_UPLOAD_KEY: key }, /游客 AppID 不能上传/],
    ['with a malformed AppID', version, { ...ok, TARO_APP_ID: 'wx123' }, /不是有效的小程序 AppID/],
    ['without --version', ['--desc', '说明'], ok, /请用 --version 指定版本号/],
    ['with a bad version', ['--version', '1.2', '--desc', '说明'], ok, /版本号“1\.2”无效：应为三段数字/],
    ['with a version that is not numeric', ['--version', 'v1.2.3', '--desc', '说明'], ok, /版本号“v1\.2\.3”无效/],
    ['without --desc', ['--version', '1.2.3'], ok, /请用 --desc 写明本次上传的说明/],
    ['with --version and no value', ['--version', '--desc', '说明'], ok, /参数 --version 后面缺少取值/],
    ['with an unknown option', [...version, '--force'], ok, /不认识的参数“--force”/],
    ['with a robot out of range', version, { ...ok, WEAPP_ROBOT: '31' }, /WEAPP_ROBOT“31”无效/],
  ]
  for (const [what, args, env, message] of refusals) {
    it(`refuses ${what}`, () => {
      const r = upload([...args, '--dir', project], env)
      assert.equal(r.code, 2, `exit code 2; stderr: ${r.err}`)
      assert.match(r.err, message)
      assert.equal(r.out, '', 'nothing uploaded')
    })
  }

  it('refuses a build made with another AppID', () => {
    const other = path.join(dir, 'other')
    fs.mkdirSync(other)
    fs.writeFileSync(path.join(other, 'app.json'), '{}')
    fs.writeFileSync(path.join(other, 'project.config.json'), JSON.stringify({ appid: 'touristappid' }))
    const r = upload([...version, '--dir', other], ok)
    assert.equal(r.code, 2)
    assert.match(r.err, /构建产物的 AppID（touristappid）与 TARO_APP_ID（wx0123456789abcdef）不一致/)
  })

  it('refuses when nothing is built', () => {
    const r = upload([...version, '--dir', path.join(dir, 'missing')], ok)
    assert.equal(r.code, 2)
    assert.match(r.err, /没有构建好的小程序：请先运行 npm run build:weapp/)
  })

  it('refuses a key file that is not a private key', () => {
    const notKey = path.join(dir, 'not-a-key.txt')
    fs.writeFileSync(notKey, 'hello')
    const r = upload([...version, '--dir', project], { ...ok, WEAPP_UPLOAD_KEY: notKey })
    assert.equal(r.code, 2)
    assert.match(r.err, /不是私钥/)
  })
})
