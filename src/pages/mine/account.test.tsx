import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as accountApi from '../../services/account-api'
import * as authApi from '../../services/auth-api'
import * as saveJson from '../../platform/save-json'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../test/jest/fixtures'
import MinePage from '.'

jest.mock('../../services/auth-api')
jest.mock('../../services/account-api')
jest.mock('../../platform/save-json')
const auth = authApi as jest.Mocked<typeof authApi>
const account = accountApi as jest.Mocked<typeof accountApi>
const save = saveJson as jest.Mocked<typeof saveJson>

beforeEach(() => {
  resetModuleMocks(authApi)
  resetModuleMocks(accountApi)
  useConsentStore.getState().accept()
})

describe('我的: shortcuts, help, about, a copy of one\'s data, account deletion', () => {
  it('when logged in, then 我的卡券 / 我的承诺 / 帮助与客服 / 关于 / 注销账号 open their pages', async () => {
    useAuthStore.getState().setSession(loginResponse(profile()))
    auth.fetchMe.mockResolvedValue(profile())
    render(<MinePage />)
    await act(settle)
    const opens = [
      ['我的卡券', '/packages/incentives/pages/vouchers/index'],
      ['我的承诺', '/packages/commitments/pages/mine/index'],
      ['帮助与客服', '/packages/account/pages/help/index'],
      ['关于', '/packages/account/pages/about/index'],
      ['注销账号', '/packages/account/pages/delete/index'],
    ]
    for (const [text, url] of opens) {
      fireEvent.click(screen.getByText(text))
      expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url })
    }
  })

  it('when 下载个人信息副本 is tapped, then the server\'s copy is saved as a JSON file', async () => {
    useAuthStore.getState().setSession(loginResponse(profile()))
    auth.fetchMe.mockResolvedValue(profile())
    account.fetchPersonalData.mockResolvedValue({ title: '信用通 个人信息副本' })
    save.saveJson.mockResolvedValue('已下载到本机')
    render(<MinePage />)
    await act(settle)
    fireEvent.click(screen.getByLabelText('下载个人信息副本'))
    await act(settle)
    expect(save.saveJson).toHaveBeenCalledWith('信用通-个人信息副本.json', { title: '信用通 个人信息副本' })
    expect(Taro.showToast).toHaveBeenLastCalledWith(expect.objectContaining({ title: '已下载到本机' }))
  })

  it('when logged out, then help and about stay, and nothing personal is offered', async () => {
    useAuthStore.getState().clear()
    render(<MinePage />)
    await act(settle)
    expect(screen.getByText('帮助与客服')).toBeTruthy()
    expect(screen.getByText('关于')).toBeTruthy()
    expect(screen.queryByText('注销账号')).toBeNull()
    expect(screen.queryByText('我的卡券')).toBeNull()
  })
})
