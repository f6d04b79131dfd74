// /api/auth/*, /api/me (profile, real name, export, deletion) and /api/health answer in the shapes of
// src/contract/auth.ts and account.ts; refusals in the contract's error shape.
import assert from 'node:assert/strict'
import { after, before, describe, it } from 'node:test'
import { DeletionResult, PersonalData } from '../../src/contract/account'
import { Health, LoginResponse, PersonaList, Profile, SmsSent } from '../../src/contract/auth'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
before(async () => {
  t = await startTestApp()
})
after(() => t.close())

const post = (url: string, payload: unknown, token?: string) => t.app.inject({ method: 'POST', url, payload: payload as object, headers: token ? bearer(token) : {} })

describe('auth and account answers follow the contract', () => {
  it('health, personas, sandbox login, SMS send and verify, refresh', async () => {
    answers(Health, await t.app.inject({ url: '/api/health' }))
    const personas = answers(PersonaList, await t.app.inject({ url: '/api/auth/sandbox/personas' }))
    assert.ok(personas.length > 3)
    for (const p of personas) answers(LoginResponse, await post('/api/auth/sandbox/login', { persona: p.id }))
    answers(SmsSent, await post('/api/auth/sms/send', { phone: '13700000071' }))
    const login = answers(LoginResponse, await post('/api/auth/sms/verify', { phone: '13700000071', code: t.sms.last('13700000071') }))
    answers(LoginResponse, await post('/api/auth/refresh', { refreshToken: login.refreshToken }))
    answers(LoginResponse, await post('/api/auth/wechat', { code: 'devtools-code-71' }))
  })

  it('profile, real-name binding, export and deletion', async () => {
    await post('/api/auth/sms/send', { phone: '13700000072' })
    const { accessToken } = answers(LoginResponse, await post('/api/auth/sms/verify', { phone: '13700000072', code: t.sms.last('13700000072') }))
    answers(Profile, await t.app.inject({ url: '/api/me', headers: bearer(accessToken) }))
    const bound = answers(Profile, await post('/api/me/real-name', { name: '钱七', idNumber: '440304199001010011' }, accessToken))
    assert.equal(bound.realNameVerified, true)
    answers(Profile, await post('/api/me/real-name', { name: '钱七', idNumber: '440304199001010011' }, accessToken))
    answers(PersonalData, await t.app.inject({ url: '/api/me/export', headers: bearer(accessToken) }))
    answers(DeletionResult, await post('/api/me/deletion', { confirm: '注销' }, accessToken))
    const red = (await loginAs(t.app, 'agent-yunqi')).accessToken
    answers(Profile, await t.app.inject({ url: '/api/me', headers: bearer(red) }))
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await post('/api/auth/sms/send', { phone: '123' }), 400, 'VALIDATION_ERROR')
    refuses(await post('/api/auth/sms/verify', { phone: '13700000073', code: 'abc' }), 400, 'VALIDATION_ERROR')
    refuses(await post('/api/auth/sandbox/login', { persona: 'nobody' }), 404)
    refuses(await post('/api/auth/refresh', {}), 400, 'VALIDATION_ERROR')
    const token = (await loginAs(t.app, 'citizen-new')).accessToken
    refuses(await post('/api/me/deletion', { confirm: 'yes' }, token), 400, 'VALIDATION_ERROR')
    refuses(await post('/api/me/real-name', { name: 'x' }, token), 400, 'VALIDATION_ERROR')
    refuses(await t.app.inject({ url: '/api/me' }), 401)
  })
})
