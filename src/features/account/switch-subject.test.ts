import Taro from '@tarojs/taro'
import { fetchOverview } from '../../services/credit-api'
import { useAuthStore } from '../../stores/auth'
import { YUNQI_USCC, agentProfile, emptyOverview, loginResponse } from '../../../test/jest/fixtures'
import { actAs, chooseSubject } from './switch-subject'

type Call = { url: string; header: Record<string, string> }
const request = Taro.request as unknown as jest.Mock
let calls: Call[]

beforeEach(() => {
  calls = []
  request.mockImplementation(async (opts: Call & { success: (r: unknown) => void }) => {
    calls.push({ url: opts.url, header: { ...opts.header } })
    opts.success({ statusCode: 200, data: JSON.stringify(emptyOverview()), header: {} })
  })
  useAuthStore.getState().setSession(loginResponse(agentProfile()))
})

const [self, yunqi] = agentProfile().subjects

describe('switching identity', () => {
  it('when the agent switches to the enterprise, then credit calls carry its USCC as X-Subject', async () => {
    actAs(yunqi)
    await fetchOverview()
    expect(calls[0].url).toMatch(/\/api\/credit\/overview$/)
    expect(calls[0].header['X-Subject']).toBe(YUNQI_USCC)
    expect(calls[0].header.Authorization).toBe('Bearer access-1')
  })

  it('when the agent switches back to 本人, then no X-Subject is sent', async () => {
    actAs(yunqi)
    actAs(self)
    await fetchOverview()
    expect(calls[0].header['X-Subject']).toBeUndefined()
  })

  it('when chosen from the action sheet, then the tapped identity is used; cancelling changes nothing', async () => {
    const sheet = Taro.showActionSheet as jest.Mock
    sheet.mockResolvedValueOnce({ tapIndex: 1 })
    await chooseSubject(agentProfile())
    expect(useAuthStore.getState().actingFor).toBe(YUNQI_USCC)
    sheet.mockRejectedValueOnce(new Error('showActionSheet:fail cancel'))
    await chooseSubject(agentProfile())
    expect(useAuthStore.getState().actingFor).toBe(YUNQI_USCC)
  })

  it('a new login always starts as oneself', () => {
    actAs(yunqi)
    useAuthStore.getState().setSession(loginResponse(agentProfile()))
    expect(useAuthStore.getState().actingFor).toBeNull()
  })
})
