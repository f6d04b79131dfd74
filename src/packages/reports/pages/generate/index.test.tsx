import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { chinaDate } from '../../../../domain/dates'
import { REPORT_DOMAIN_NAMES } from '../../../../domain/report-request'
import { yearsBefore } from '../../../../features/reports/report-form'
import { setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import GenerateReportPage from '.'

const USCC = '91330602MA2D8R6L1D'
const agent = profile({
  id: 'user-agent-jianhu',
  roles: ['citizen', 'agent'],
  subjects: [
    { id: 'person-qian', kind: 'person', name: '钱*', identifier: '330602********0021', relation: '本人' },
    { id: 'ent-jianhu', kind: 'enterprise', name: '绍兴鉴湖酿造有限公司', identifier: USCC, relation: '经办人' },
  ],
})
const today = chinaDate()
let transport: FakeTransport
const settle = () => act(async () => void (await new Promise((r) => setTimeout(r, 0))))
const button = () => screen.getByText(/^生成(专项信用报告|公共信用信息报告)$|^正在提交…$/)
const disabled = () => button().hasAttribute('disabled')

beforeEach(() => {
  useConsentStore.getState().accept()
  transport = fakeTransport()
  setOutboxTransport(transport)
})

describe('生成专项信用报告 (acting for an enterprise)', () => {
  beforeEach(() => {
    useAuthStore.getState().setSession(loginResponse(agent))
    useAuthStore.getState().setActingFor(USCC)
    __setRouterParams({ kind: 'special' })
  })

  it('when the stored period is longer than 5 years, then it says so and 生成 stays disabled; 近 5 年 is accepted and sent', async () => {
    useOutboxStore.getState().saveDraft(`report-request|${agent.id}|${USCC}`, agent.id, { kind: 'special', from: yearsBefore(today, 6), to: today, domains: ['税务'] })
    render(<GenerateReportPage />)
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('专项信用报告的期间最长 5 年')
    expect(disabled()).toBe(true)
    fireEvent.click(button())
    expect(transport.send).not.toHaveBeenCalled()

    fireEvent.click(screen.getByText('近 5 年'))
    await settle()
    expect(screen.queryByRole('alert')).toBeNull()
    expect(disabled()).toBe(false)
    fireEvent.click(button())
    await settle()
    expect(transport.send).toHaveBeenCalledTimes(1)
    const req = transport.send.mock.calls[0][0]
    expect(req.url).toBe('/reports')
    expect(req.subject).toBe(USCC)
    expect(req.body).toEqual({ kind: 'special', from: yearsBefore(today, 5), to: today, domains: ['税务'] })
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/reports/pages/detail/index?id=created-1' })
  })

  it('when every domain is unticked, then it asks for one; ticking one lets it send, in the list’s order', async () => {
    render(<GenerateReportPage />)
    await settle()
    expect(screen.getAllByRole('checkbox').filter((c) => c.getAttribute('aria-checked') === 'true')).toHaveLength(REPORT_DOMAIN_NAMES.length)
    fireEvent.click(screen.getByText('全部取消'))
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('请至少选择一个领域')
    expect(disabled()).toBe(true)
    fireEvent.click(screen.getByText('城市管理'))
    fireEvent.click(screen.getByText('市场监管'))
    await settle()
    fireEvent.click(button())
    await settle()
    expect(transport.send.mock.calls[0][0].body).toMatchObject({ kind: 'special', domains: ['市场监管', '城市管理'] })
  })
})

describe('生成公共信用信息报告 (a citizen)', () => {
  beforeEach(() => {
    useAuthStore.getState().setSession(loginResponse(profile()))
    __setRouterParams({})
  })

  it('when a citizen opens it, then only the full report can be made (专项 asks for an enterprise) and it is sent as {kind: full}', async () => {
    render(<GenerateReportPage />)
    await settle()
    fireEvent.click(screen.getByText('专项信用报告'))
    await settle()
    expect(screen.getByRole('alert').textContent).toBe('专项信用报告仅面向企业，请先切换到您代理的企业')
    fireEvent.click(screen.getByText('公共信用信息报告'))
    await settle()
    fireEvent.click(button())
    await settle()
    expect(transport.send.mock.calls[0][0].body).toEqual({ kind: 'full' })
  })

  it('when the day’s free reports are used up, then the server’s message shows and nothing waits in the outbox to be sent again', async () => {
    transport.send.mockRejectedValueOnce(httpError(429, 'REPORT_DAILY_LIMIT', '每天最多生成 3 份信用报告，请明天再试'))
    render(<GenerateReportPage />)
    await settle()
    fireEvent.click(button())
    await settle()
    expect(screen.getByText('每天最多生成 3 份信用报告，请明天再试')).toBeTruthy()
    expect(useOutboxStore.getState().items).toHaveLength(0)
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('when the network is down, then the request stays in the outbox (待发送) and says it will be sent by itself', async () => {
    transport.send.mockRejectedValueOnce(new Error('Network Error'))
    render(<GenerateReportPage />)
    await settle()
    fireEvent.click(button())
    await settle()
    expect(screen.getByText(/申请已保存，联网后将自动提交，不会重复生成/)).toBeTruthy()
    expect(useOutboxStore.getState().items.map((i) => i.status)).toEqual(['pending'])
    expect(screen.getByText('等待联网提交')).toBeTruthy()
  })
})
