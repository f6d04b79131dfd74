import { act, fireEvent, render, screen } from '@testing-library/react'
import * as api from '../../../../services/incentives-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import PassCheckPage from '.'

jest.mock('../../../../services/incentives-api')
const checkCounterPass = api.checkCounterPass as jest.MockedFunction<typeof api.checkCounterPass>

const librarian = profile({ id: 'user-staff-counter', name: '陆*', roles: ['citizen', 'counter'], orgName: '杭州图书馆' })

async function check(code: string) {
  fireEvent.input(await screen.findByLabelText('核验码'), { target: { value: code } })
  fireEvent.click(screen.getByText('查验'))
  await act(settle)
}

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
})

describe('核验码查验 at a counter', () => {
  it('when the code is current, then 符合条件 with 陈*远, the ID\'s last 4 and why', async () => {
    useAuthStore.getState().setSession(loginResponse(librarian))
    checkCounterPass.mockResolvedValueOnce({
      kind: 'reading-library', title: '信易阅·图书馆免押借阅', holder: '陈*远', holderIdLast4: '001X', eligible: true,
      reasons: ['已列入守信红名单'], level: '优秀', checkedAt: '2026-11-23T02:00:00Z',
    })
    render(<PassCheckPage />)
    await check(' k7qm-2xrd-9pta-123456 ')
    expect(checkCounterPass).toHaveBeenCalledWith('K7QM-2XRD-9PTA-123456')
    const result = screen.getByRole('status').textContent ?? ''
    for (const text of ['符合条件', '信易阅·图书馆免押借阅', '持有人陈*远', '身份证后四位001X', '依据已列入守信红名单', '2026-11-23 10:00']) expect(result).toContain(text)
  })

  it('when the code is an old screenshot, then 核验码已过期 with the server\'s words', async () => {
    useAuthStore.getState().setSession(loginResponse(librarian))
    checkCounterPass.mockRejectedValueOnce(new ApiError('PASS_EXPIRED', '核验码已过期，请让对方刷新（截图无效，请出示手机上实时显示的核验码）', 409))
    render(<PassCheckPage />)
    await check('K7QM-2XRD-9PTA-123456')
    expect(screen.getByRole('alert').textContent).toContain('核验码已过期')
  })

  it('when the account has no counter, then it says so and asks nothing', async () => {
    useAuthStore.getState().setSession(loginResponse(profile()))
    render(<PassCheckPage />)
    await act(settle)
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(checkCounterPass).not.toHaveBeenCalled()
  })
})
