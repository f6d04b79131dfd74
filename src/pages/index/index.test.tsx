import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../services/auth-api'
import * as creditApi from '../../services/credit-api'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { useLastSeenStore } from '../../stores/last-seen'
import { usePreferencesStore } from '../../stores/preferences'
import {
  YUNQI_USCC, agentProfile, emptyOverview, loginResponse, overview, pending, profile, resetModuleMocks, settle,
} from '../../../test/jest/fixtures'
import { creditServices } from '../../features/catalog/entries'
import * as objectionsApi from '../../services/objections-api'
import { objection } from '../../features/objections/testing'
import HomePage from '.'

jest.mock('../../services/auth-api')
jest.mock('../../services/credit-api')
jest.mock('../../services/objections-api')
const fetchMyObjections = objectionsApi.fetchMyObjections as jest.MockedFunction<typeof objectionsApi.fetchMyObjections>
const fetchMe = authApi.fetchMe as jest.MockedFunction<typeof authApi.fetchMe>
const fetchOverview = creditApi.fetchOverview as jest.MockedFunction<typeof creditApi.fetchOverview>

beforeEach(() => {
  resetModuleMocks(authApi)
  resetModuleMocks(creditApi)
  resetModuleMocks(objectionsApi)
  fetchMyObjections.mockResolvedValue({ items: [], nextCursor: null })
  useConsentStore.getState().accept()
})

/** Logged in as `user`, the profile refresh answering the same. */
function loggedInAs(user = profile()) {
  useAuthStore.getState().setSession(loginResponse(user))
  fetchMe.mockResolvedValue(user)
}

describe('首页', () => {
  it('when nobody is logged in, then it invites to log in and fetches nothing personal', async () => {
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('您好，欢迎使用信用通')).toBeTruthy()
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' })
    expect(fetchMe).not.toHaveBeenCalled()
    expect(fetchOverview).not.toHaveBeenCalled()
  })

  it('when logged in, then it greets the user by masked name, never the full name, with the real-name status', async () => {
    // a profile that slipped through unmasked: the page still shows only the family name
    loggedInAs(profile({ name: '陈明远' }))
    fetchOverview.mockResolvedValue(overview())
    const { container } = render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.getByText('已实名认证')).toBeTruthy()
    expect(container.textContent).not.toContain('陈明远')
    expect(screen.queryByText('登录 / 注册')).toBeNull()
    expect(fetchMe).toHaveBeenCalledTimes(1)
  })

  it('when the page shows, then the profile from /api/me replaces the stored one', async () => {
    useAuthStore.getState().setSession(loginResponse(profile({ name: null, idNumber: null, realNameVerified: false })))
    fetchMe.mockResolvedValue(profile({ name: '陈**' }))
    fetchOverview.mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.queryByText('未实名认证')).toBeNull()
  })

  it('when the user is not real-name verified, then the page says so, offers 去认证 and asks for no score', async () => {
    loggedInAs(profile({ name: null, idNumber: null, realNameVerified: false }))
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('未实名认证')).toBeTruthy()
    expect(screen.getByText('138****0001')).toBeTruthy()
    fireEvent.click(screen.getByText('去认证'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/real-name/index' })
    expect(fetchOverview).not.toHaveBeenCalled()
  })

  it('when the profile cannot be refreshed, then the last one stays and the problem is said', async () => {
    useAuthStore.getState().setSession(loginResponse())
    fetchMe.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    fetchOverview.mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('陈**')).toBeTruthy()
    expect(screen.getByText('资料未能刷新：网络连接失败，请检查网络后重试')).toBeTruthy()
  })

  it('opens every credit service that has a page; services without one are not shown', async () => {
    render(<HomePage />)
    for (const entry of creditServices.filter((e) => !e.url)) expect(screen.queryByText(entry.title)).toBeNull()
    expect(screen.queryByText('即将开放')).toBeNull()
    const open = creditServices.filter((e) => e.url)
    expect(open.map((e) => e.title)).toEqual(expect.arrayContaining(['信用记录', '信用报告', '信用修复', '信用承诺', '公益服务', '查询记录', '信用公示', '异议申诉']))
    for (const entry of open) {
      fireEvent.click(screen.getByRole('button', { name: entry.title }))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: entry.url })
    }
    expect(Taro.navigateTo).toHaveBeenCalledTimes(open.length)
  })
})

describe('首页 open objections', () => {
  it('with an open objection, then the case shows with its due date and opens its page; a decided one does not show', async () => {
    loggedInAs()
    fetchOverview.mockResolvedValue(overview())
    fetchMyObjections.mockResolvedValue({ items: [objection({ status: '核查中' }), objection({ id: 'obj-old', status: '已办结', recordTitle: '早已办结的记录' })], nextCursor: null })
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('办理中的异议（1）')).toBeTruthy()
    expect(screen.getByText('2026-12-07 前办结 · 核查期间暂不计分')).toBeTruthy()
    expect(screen.queryByText('早已办结的记录')).toBeNull()
    fireEvent.click(screen.getByText('拖欠公租房租金'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/pages/objection/index?id=obj-1' })
  })
})

describe('首页 credit card', () => {
  it('while the overview loads, then a skeleton stands in for the score', async () => {
    loggedInAs()
    fetchOverview.mockReturnValue(pending())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载信用信息')).toBeTruthy()
    expect(screen.queryByText('评估日期', { exact: false })).toBeNull()
  })

  it('with records, then the score, level, red lists and counts by polarity are shown', async () => {
    loggedInAs()
    fetchOverview.mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByLabelText('信用分 740 分，等级优秀')).toBeTruthy()
    expect(screen.getByText('740')).toBeTruthy()
    expect(screen.getByText('优秀')).toBeTruthy()
    expect(screen.getByText('红名单 · 优秀志愿者')).toBeTruthy()
    expect(screen.getByText('红名单 · 见义勇为')).toBeTruthy()
    expect(screen.getByRole('link', { name: /3\s*正面记录/ })).toBeTruthy()
    expect(screen.getByRole('link', { name: /0\s*负面记录/ })).toBeTruthy()
    expect(screen.queryByText('已列入严重失信主体名单')).toBeNull()

    fireEvent.click(screen.getByRole('link', { name: /0\s*负面记录/ }))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/pages/records/index?polarity=negative' })
    fireEvent.click(screen.getByText('评分说明 ›'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/credit/pages/score/index' })
  })

  it('with no records, then the base score is shown and the empty state says what it means', async () => {
    loggedInAs()
    fetchOverview.mockResolvedValue(emptyOverview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('600')).toBeTruthy()
    expect(screen.getByText('良好')).toBeTruthy()
    expect(screen.getByText('暂无信用记录，保持良好信用！')).toBeTruthy()
  })

  it('when the subject is on a 严重失信 list, then a clear warning says so', async () => {
    loggedInAs()
    fetchOverview.mockResolvedValue(overview({ score: 350, level: '待提升', redList: [], blackList: ['失信被执行人名单'], factors: [] }))
    render(<HomePage />)
    await act(settle)
    expect(screen.getByRole('alert').textContent).toContain('已列入严重失信主体名单')
    expect(screen.getByText('失信被执行人名单：依法不能享受守信激励。履行义务后可申请移出名单。')).toBeTruthy()
  })

  it('when the overview fails, then the error is said and 重试 loads it again', async () => {
    loggedInAs()
    fetchOverview.mockRejectedValueOnce(new ApiError('SERVER_ERROR', '服务暂时不可用，请稍后重试', 503)).mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('信用信息加载失败')).toBeTruthy()
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('740')).toBeTruthy()
    expect(fetchOverview).toHaveBeenCalledTimes(2)
  })

  it('when the score and counts changed since the last visit, then it says by how much — and remembers numbers only', async () => {
    loggedInAs()
    useLastSeenStore.getState().observe('person-chen', { score: 720, positive: 2, negative: 0 })
    fetchOverview.mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('较上次 +20 分')).toBeTruthy()
    expect(screen.getByText('新增 1 条记录')).toBeTruthy()
    const stored = String(Taro.getStorageSync('creditpass-last-seen'))
    expect(JSON.parse(stored).state).toEqual({ seen: { 'person-chen': { score: 740, positive: 3, negative: 0 } } })
    expect(stored).not.toMatch(/陈|330106/)
  })

  it('on the first visit, then there is nothing to compare with', async () => {
    loggedInAs()
    fetchOverview.mockResolvedValue(overview())
    render(<HomePage />)
    await act(settle)
    expect(screen.queryByText('较上次', { exact: false })).toBeNull()
  })

  it('when acting for an enterprise, then the header names it and 切换 goes back to oneself', async () => {
    loggedInAs(agentProfile())
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    fetchOverview.mockResolvedValue(overview({ subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', relation: '法定代表人' }, score: 660, level: '良好' }))
    ;(Taro.showActionSheet as jest.Mock).mockResolvedValue({ tapIndex: 0 })
    render(<HomePage />)
    await act(settle)
    expect(screen.getByText('正在查看企业信用')).toBeTruthy()
    expect(screen.getByText('杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText(YUNQI_USCC)).toBeTruthy()
    expect(screen.getByText('企业信用分')).toBeTruthy()

    fireEvent.click(screen.getByText('切换'))
    await act(settle)
    expect(Taro.showActionSheet).toHaveBeenCalledWith({ itemList: ['本人（吴*）', '杭州云栖数字科技有限公司'] })
    expect(useAuthStore.getState().actingFor).toBeNull()
    expect(screen.getByText('吴*')).toBeTruthy()
    expect(fetchOverview).toHaveBeenCalledTimes(2)
  })

  it('in 长辈模式, then the page root carries the elderly class', async () => {
    usePreferencesStore.getState().setElderly(true)
    const { container } = render(<HomePage />)
    expect(container.firstElementChild?.className).toContain('elderly')
  })
})
