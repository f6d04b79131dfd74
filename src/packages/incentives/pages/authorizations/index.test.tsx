import { act, fireEvent, render, screen, within } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { authorization, grant } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import AuthorizationsPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchAuthorizations = api.fetchAuthorizations as jest.MockedFunction<typeof api.fetchAuthorizations>
const fetchGrants = api.fetchGrants as jest.MockedFunction<typeof api.fetchGrants>
const revokeAuthorization = api.revokeAuthorization as jest.MockedFunction<typeof api.revokeAuthorization>
const createAuthorization = api.createAuthorization as jest.MockedFunction<typeof api.createAuthorization>

async function open(items = [authorization()]) {
  fetchAuthorizations.mockResolvedValue({ items, nextCursor: null })
  fetchGrants.mockResolvedValue({ items: [grant()], nextCursor: null })
  render(<AuthorizationsPage />)
  await act(settle)
}

const card = () => screen.getByText('授权内容：查验信易租免押资格（等级是否达标、免押额度、有效期）').parentElement as HTMLElement

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('授权管理', () => {
  it('lists each authorisation with its partner, scope, period and status', async () => {
    await open()
    expect(within(card()).getByText('授权中')).toBeTruthy()
    expect(within(card()).getByText('有效至 2026-12-23 01:20')).toBeTruthy()
  })

  it('revoking asks first; once confirmed the card shows 已撤销 at once and offers no second revoke', async () => {
    revokeAuthorization.mockResolvedValueOnce(
      authorization({ status: 'revoked', statusText: '已撤销', revokedAt: '2026-11-23T02:00:00.000Z' }),
    )
    await open()
    ;(Taro.showModal as jest.Mock).mockResolvedValueOnce({ confirm: false, cancel: true })
    fireEvent.click(screen.getByText('撤销授权'))
    await act(settle)
    expect(revokeAuthorization).not.toHaveBeenCalled()
    expect(within(card()).getByText('授权中')).toBeTruthy()

    fireEvent.click(screen.getByText('撤销授权'))
    await act(settle)
    expect(Taro.showModal).toHaveBeenLastCalledWith(expect.objectContaining({ title: '撤销授权', content: expect.stringContaining('杭州城市公共自行车服务有限公司将不能再查验'), confirmColor: '#b8262c' }))
    expect(revokeAuthorization).toHaveBeenCalledWith('a-1')
    expect(within(card()).getByText('已撤销')).toBeTruthy()
    expect(within(card()).getByText('撤销时间 2026-11-23 10:00')).toBeTruthy()
    expect(screen.queryByText('撤销授权')).toBeNull()
  })

  it('when revoking fails, then the reason shows on that card and it stays 授权中', async () => {
    revokeAuthorization.mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    await open()
    fireEvent.click(screen.getByText('撤销授权'))
    await act(settle)
    expect(within(card()).getByRole('alert').textContent).toBe('网络连接失败，请检查网络后重试')
    expect(within(card()).getByText('授权中')).toBeTruthy()
  })

  it('authorises a partner for a grant for the chosen time, with an idempotency key, and lists it first', async () => {
    createAuthorization.mockResolvedValueOnce(authorization({ id: 'a-2', createdAt: '2026-11-23T03:00:00.000Z' }))
    await open([])
    expect(screen.getByText('还没有授权任何合作方')).toBeTruthy()
    fireEvent.click(screen.getByText('同意授权'))
    await act(settle)
    expect(createAuthorization).toHaveBeenCalledWith('rental-bike', 30, expect.any(String))
    expect(screen.getByText('授权中')).toBeTruthy()
    expect(screen.queryByText('还没有授权任何合作方')).toBeNull()
  })
})
