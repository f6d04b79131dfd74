#!/usr/bin/env node
// npm run upload:weapp -- --version 1.2.3 --desc "说明"
// Uploads the built mini-program (dist/weapp) with miniprogram-ci. The upload becomes a development
// version of the robot (WEAPP_ROBOT, default 1); an administrator selects it as 体验版 (trial
// version) in the mp.weixin.qq.com console, or submits it for review from there.
//
// Environment: TARO_APP_ID (the AppID the build was made with), WEAPP_UPLOAD_KEY (path of the code
// upload key downloaded from 开发管理 → 开发设置 → 小程序代码上传), WEAPP_ROBOT (1–30, optional).
// Options: --version, --desc, --dir (default dist/weapp), --dry-run (check everything, upload nothing).
// Every refusal is one Chinese sentence on stderr and exit code 2; a failed upload exits 1.
'use strict'
const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..')
const TOURIST_APPID = 'touristappid'

class Refusal extends Error {}

function parseArgs(argv) {
  const out = { dryRun: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined]
    const value = () => {
      if (inline !== undefined) return inline
      const next = argv[++i]
      if (next === undefined || next.startsWith('--')) throw new Refusal(`参数 ${name} 后面缺少取值。`)
      return next
    }
    if (name === '--version') out.version = value()
    else if (name === '--desc') out.desc = value()
    else if (name === '--dir') out.dir = value()
    else if (name === '--dry-run') out.dryRun = true
    else throw new Refusal(`不认识的参数“${arg}”：可用 --version、--desc、--dir、--dry-run。`)
  }
  return out
}

/** Checks everything that can be checked without WeChat; returns what to upload. */
function check(argv, env) {
  const args = parseArgs(argv)
  if (!args.version) throw new Refusal('请用 --version 指定版本号，例如：npm run upload:weapp -- --version 1.2.3 --desc "修复登录问题"。')
  if (!/^\d{1,4}\.\d{1,4}\.\d{1,4}$/.test(args.version)) throw new Refusal(`版本号“${args.version}”无效：应为三段数字，例如 1.2.3。`)
  const desc = (args.desc || '').trim()
  if (!desc) throw new Refusal('请用 --desc 写明本次上传的说明（会显示在微信公众平台的版本管理中）。')
  if (desc.length > 200) throw new Refusal(`上传说明过长（${desc.length} 字）：请控制在 200 字以内。`)

  const appid = (env.TARO_APP_ID || '').trim()
  if (!appid || appid === TOURIST_APPID) throw new Refusal('未设置小程序 AppID：游客 AppID 不能上传，请设置环境变量 TARO_APP_ID 为本小程序的 AppID，并用它重新构建（npm run build:weapp）。')
  if (!/^wx[0-9a-f]{16}$/.test(appid)) throw new Refusal(`TARO_APP_ID“${appid}”不是有效的小程序 AppID（应为 wx 开头的 18 位字符）。`)

  const keyPath = (env.WEAPP_UPLOAD_KEY || '').trim()
  if (!keyPath) throw new Refusal('未设置上传密钥：请由管理员在微信公众平台“开发管理 → 开发设置 → 小程序代码上传”下载密钥，把文件路径写入环境变量 WEAPP_UPLOAD_KEY，并把本机出口 IP 加入白名单。')
  const keyFile = path.resolve(keyPath)
  if (!fs.existsSync(keyFile) || !fs.statSync(keyFile).isFile()) throw new Refusal(`找不到上传密钥文件：${keyPath}（环境变量 WEAPP_UPLOAD_KEY）。`)
  if (!/-----BEGIN [A-Z ]*PRIVATE KEY-----/.test(fs.readFileSync(keyFile, 'utf8'))) throw new Refusal(`上传密钥文件 ${keyPath} 不是私钥（应以 -----BEGIN RSA PRIVATE KEY----- 开头）。`)

  const robot = env.WEAPP_ROBOT === undefined || env.WEAPP_ROBOT === '' ? 1 : Number(env.WEAPP_ROBOT)
  if (!Number.isInteger(robot) || robot < 1 || robot > 30) throw new Refusal(`WEAPP_ROBOT“${env.WEAPP_ROBOT}”无效：应为 1 到 30 的整数。`)

  const dir = path.resolve(ROOT, args.dir || path.join('dist', 'weapp'))
  if (!fs.existsSync(path.join(dir, 'app.json'))) throw new Refusal(`${path.relative(ROOT, dir) || dir} 中没有构建好的小程序：请先运行 npm run build:weapp。`)
  const configFile = path.join(dir, 'project.config.json')
  const built = fs.existsSync(configFile) ? JSON.parse(fs.readFileSync(configFile, 'utf8')).appid : undefined
  if (built !== appid) throw new Refusal(`构建产物的 AppID（${built || '无'}）与 TARO_APP_ID（${appid}）不一致：请设置好 TARO_APP_ID 后重新运行 npm run build:weapp。`)

  return { appid, keyFile, robot, dir, version: args.version, desc, dryRun: args.dryRun }
}

async function main() {
  let plan
  try {
    plan = check(process.argv.slice(2), process.env)
  } catch (e) {
    if (e instanceof Refusal) {
      console.error(`上传未进行：${e.message}`)
      process.exit(2)
    }
    throw e
  }
  const summary = `AppID ${plan.appid}，版本 ${plan.version}，机器人 ${plan.robot}，目录 ${path.relative(ROOT, plan.dir) || plan.dir}`
  if (plan.dryRun) {
    console.log(`检查通过（--dry-run，未上传）：${summary}。`)
    return
  }
  const ci = require('miniprogram-ci')
  const project = new ci.Project({ appid: plan.appid, type: 'miniProgram', projectPath: plan.dir, privateKeyPath: plan.keyFile, ignores: ['node_modules/**/*'] })
  console.log(`正在上传：${summary}…`)
  try {
    const result = await ci.upload({
      project,
      version: plan.version,
      desc: plan.desc,
      robot: plan.robot,
      // The build is already ES5-compatible and minified by Taro; DevTools' own passes are not needed.
      setting: { es6: false, es7: false, minify: false, autoPrefixWXSS: false },
      onProgressUpdate: () => undefined,
    })
    const sizes = (result.subPackageInfo || []).map((p) => `${p.name === '__FULL__' ? '整包' : p.name === '__APP__' ? '主包' : p.name} ${(p.size / 1024).toFixed(1)} KB`)
    console.log(`上传成功：版本 ${plan.version}。${sizes.length ? `${sizes.join('，')}。` : ''}请管理员在微信公众平台“版本管理”中将其设为体验版。`)
  } catch (e) {
    console.error(`上传失败：${e && e.message ? e.message : e}（请检查上传密钥、IP 白名单和网络）。`)
    process.exit(1)
  }
}

if (require.main === module) {
  main().catch((e) => {
    console.error(e && e.stack ? e.stack : e)
    process.exit(1)
  })
}

module.exports = { check, Refusal }
