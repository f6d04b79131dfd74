import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as authApi from '../../services/auth-api'
import * as api from '../../services/incentives-api'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { bike, catalog, lingyin, notFor } from '../../features/incentives/testing/fixtures'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../test/jest/fixtures'
import IncentivesPage from '.'

jest.mock('../../services/auth-api')
jest.mock('../../services/incentives-api')
const fetchCatalog = api.fetchCatalog as jest.MockedFunction<typeof api.fetchCatalog>
const fetchMe = authApi.fetchMe as jest.MockedFunction<typeof authApi.fetchMe>

function loginAs(user = profile()) {
  useAuthStore.getState().setSession(loginResponse(user))
  fetchMe.mockResolvedValue(user)
}

beforeEach(() => {
  resetModuleMocks(authApi)
  resetModuleMocks(api)
  useConsentStore.getState().accept()
})

describe('守信激励 tab', () => {
  it('when nobody is logged in, then it asks to log in, shows what the programmes are, and asks the server nothing', async () => {
    render(<IncentivesPage />)
    await act(settle)
    expect(screen.getByText('登录后查看您能享受的守信激励')).toBeTruthy()
    expect(screen.getByText('信易游')).toBeTruthy()
    expect(screen.queryByText('可享受')).toBeNull()
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' })
    expect(fetchCatalog).not.toHaveBeenCalled()
  })

  it('while the catalog loads, then placeholders show; when it fails, then the Chinese reason and 重试', async () => {
    loginAs()
    let fail: (e: unknown) => void = () => undefined
    fetchCatalog.mockImplementationOnce(() => new Promise((_, reject) => (fail = reject)))
    render(<IncentivesPage />)
    expect(screen.getByLabelText('正在加载守信激励')).toBeTruthy()

    await act(async () => fail(new ApiError('SERVER_ERROR', '服务暂时不可用，请稍后重试', 503)))
    expect(screen.getByText('守信激励暂时无法加载')).toBeTruthy()
    expect(screen.getByText('服务暂时不可用，请稍后重试')).toBeTruthy()

    fetchCatalog.mockResolvedValueOnce(catalog())
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('灵隐景区')).toBeTruthy()
  })

  it('shows the level, red-list badges, 绿色通道 with its certificate, and each incentive as eligible or not with the reasons', async () => {
    loginAs()
    const reason = '需信用等级达到“优秀”，当前“良好”，或需列入守信红名单'
    fetchCatalog.mockResolvedValue(
      catalog({
        standing: { score: 640, level: '良好', redList: ['优秀志愿者'], blackList: [], incentives: { count: 1, total: 2, label: '可享 1 项激励', reason: null } },
        items: [notFor(lingyin, [reason]), bike],
      }),
    )
    render(<IncentivesPage />)
    await act(settle)
    expect(screen.getByText('良好')).toBeTruthy()
    expect(screen.getByText('640 分')).toBeTruthy()
    expect(screen.getByText('可享 1 项激励')).toBeTruthy()
    expect(screen.getByText('红名单 · 优秀志愿者')).toBeTruthy()
    expect(screen.getByText('绿色通道 / 容缺受理')).toBeTruthy()

    // each card is named by what it shows: its name and whether the user qualifies
    const lingyinCard = document.querySelector('[data-incentive="travel-lingyin"]') as HTMLElement
    expect(within(lingyinCard).getByText('灵隐景区')).toBeTruthy()
    expect(within(lingyinCard).getAllByText('暂不符合').length).toBeGreaterThan(0)
    expect(within(lingyinCard).getByText(reason)).toBeTruthy()
    expect(within(lingyinCard).getByText('信用等级达到“优秀”及以上，或列入守信红名单')).toBeTruthy()
    const bikeCard = document.querySelector('[data-incentive="rental-bike"]') as HTMLElement
    expect(within(bikeCard).getByText('可享受')).toBeTruthy()
    expect(within(bikeCard).queryByText('暂不符合')).toBeNull()

    fireEvent.click(screen.getByText('查看证明'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/certificate/index' })
    fireEvent.click(lingyinCard)
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/detail/index?id=travel-lingyin' })
  })

  it('when the user is on a 严重失信 list, then the warning shows and every incentive says why not', async () => {
    loginAs(profile({ name: '孙*' }))
    const why = ['已被列入严重失信主体名单，依规不能享受守信激励']
    fetchCatalog.mockResolvedValue({
      standing: {
        score: 380, level: '待提升', redList: [], blackList: ['失信被执行人名单'],
        incentives: { count: 0, total: 2, label: '不能享受激励', reason: why[0] },
      },
      greenChannel: { eligible: false, reasons: ['已被列入严重失信主体名单'] },
      items: [notFor(lingyin, why), notFor(bike, why)],
    })
    render(<IncentivesPage />)
    await act(settle)
    expect(screen.getByRole('alert').textContent).toContain('已列入严重失信主体名单')
    expect(screen.getByText(/失信被执行人名单：依法不能享受守信激励/)).toBeTruthy()
    expect(screen.getAllByText(why[0])).toHaveLength(2)
    expect(screen.queryByText('查看证明')).toBeNull()
    expect(screen.getByText('不能享受激励')).toBeTruthy()
    expect(screen.getAllByText('暂不符合').length).toBeGreaterThanOrEqual(2)
  })

  it('filters by category: the tab shows only that kind and asks the server for it', async () => {
    loginAs()
    fetchCatalog.mockResolvedValue(catalog())
    render(<IncentivesPage />)
    await act(settle)
    fireEvent.click(screen.getByLabelText('信易租'))
    expect(screen.queryByText('灵隐景区')).toBeNull()
    expect(screen.getByText('公共自行车免押金')).toBeTruthy()
    await act(settle)
    expect(fetchCatalog).toHaveBeenLastCalledWith('rental')
  })

  it('shows 工作台 only to staff: a verifier gets 扫码核销, a citizen nothing', async () => {
    loginAs(profile({ roles: ['citizen', 'verifier'], orgName: '西湖风景名胜区灵隐景区' }))
    fetchCatalog.mockResolvedValue(catalog())
    const { unmount } = render(<IncentivesPage />)
    await act(settle)
    expect(screen.getByText('工作台')).toBeTruthy()
    fireEvent.click(screen.getByText('扫码核销'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/staff/pages/verify/index' })
    expect(screen.queryByText('免押资格查验')).toBeNull()
    unmount()

    loginAs(profile())
    render(<IncentivesPage />)
    await act(settle)
    expect(screen.queryByText('工作台')).toBeNull()
  })
})
