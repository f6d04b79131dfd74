import { act, fireEvent, render, screen } from '@testing-library/react'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { grant } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import GrantCheckPage from '.'

jest.mock('../../../../services/incentives-api')
const checkGrant = api.checkGrant as jest.MockedFunction<typeof api.checkGrant>

async function check(code: string) {
  fireEvent.input(await screen.findByLabelText('免押资格码'), { target: { value: code } })
  fireEvent.click(screen.getByText('查验'))
  await act(settle)
}

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(profile({ name: '何*', roles: ['citizen', 'rental_partner'], orgName: '杭州城市公共自行车服务有限公司' })))
})

describe('免押资格查验', () => {
  it('when the grant holds, then 可以免押 with the masked holder and the basis', async () => {
    checkGrant.mockResolvedValueOnce({ ...grant(), holder: '陈**', depositFree: true, reasons: ['已列入守信红名单'] })
    render(<GrantCheckPage />)
    await check('DFZD-CCS4-YK9K')
    const status = screen.getByRole('status')
    expect(status.textContent).toContain('可以免押')
    expect(status.textContent).toContain('陈**')
    expect(status.textContent).toContain('已列入守信红名单')
  })

  it('when the holder no longer meets the rule, then 不能免押 with the reasons', async () => {
    checkGrant.mockResolvedValueOnce({ ...grant(), holder: '陈**', depositFree: false, reasons: ['需信用等级达到“良好”，当前“一般”，或需列入守信红名单'] })
    render(<GrantCheckPage />)
    await check('DFZD-CCS4-YK9K')
    const alert = screen.getByRole('alert')
    expect(alert.textContent).toContain('不能免押')
    expect(alert.textContent).toContain('需信用等级达到“良好”，当前“一般”，或需列入守信红名单')
  })

  it('when the user has not authorised the partner, then the server’s reason shows in red', async () => {
    const message = '用户未授权本机构查验，或授权已撤销/过期；请用户在“信用通 → 我的 → 授权管理”中授权'
    checkGrant.mockRejectedValueOnce(new ApiError('NOT_AUTHORIZED', message, 403))
    render(<GrantCheckPage />)
    await check('DFZD-CCS4-YK9K')
    expect(screen.getByRole('alert').textContent).toContain('用户未授权查验')
    expect(screen.getByRole('alert').textContent).toContain(message)
  })

  it('a verifier of a scenic spot has no access here', () => {
    useAuthStore.getState().setSession(loginResponse(profile({ roles: ['citizen', 'verifier'] })))
    render(<GrantCheckPage />)
    expect(screen.getByText('无权限')).toBeTruthy()
  })
})
