// /api/messages answers in the shapes of src/contract/messages.ts; refusals in the error shape.
import { after, before, describe, it } from 'node:test'
import { AllRead, MessagePage, MessageRead } from '../../src/contract/messages'
import { notify } from '../messages/messages'
import { bearer, loginAs, startTestApp, type TestApp } from '../testing/app'
import { answers, refuses } from './check'

let t: TestApp
let token = ''
before(async () => {
  t = await startTestApp()
  token = (await loginAs(t.app, 'citizen-repairable')).accessToken
})
after(() => t.close())

const call = (method: 'GET' | 'POST', url: string) => t.app.inject({ method, url, headers: bearer(token) })

describe('message answers follow the contract', () => {
  it('a page (empty, then with messages read and unread), mark one read, mark all read', async () => {
    answers(MessagePage, await call('GET', '/api/messages'))
    const ids: string[] = []
    for (let i = 0; i < 3; i++) ids.push((await notify(t.ctx.db, { to: { subjectId: 'person-li' }, kind: 'test', title: `通知 ${i}`, body: '正文', link: i ? null : '/pages/credit/index' }))!)
    answers(MessageRead, await call('POST', `/api/messages/${ids[0]}/read`))
    const page = answers(MessagePage, await call('GET', '/api/messages?limit=2'))
    answers(MessagePage, await call('GET', `/api/messages?cursor=${encodeURIComponent(page.nextCursor!)}`))
    answers(AllRead, await call('POST', '/api/messages/read-all'))
  })

  it('bad input is refused in the contract\'s error shape', async () => {
    refuses(await call('GET', '/api/messages?limit=51'), 400, 'VALIDATION_ERROR')
    refuses(await call('POST', `/api/messages/${'x'.repeat(65)}/read`), 400, 'VALIDATION_ERROR')
    refuses(await call('POST', '/api/messages/00000000-0000-0000-0000-000000000000/read'), 404)
  })
})
