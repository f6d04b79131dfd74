import { act, render, screen } from '@testing-library/react'
import * as api from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { catalog } from '../../../../features/incentives/testing/fixtures'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import GrantsPage from '.'

jest.mock('../../../../services/incentives-api')
const fetchGrants = api.fetchGrants as jest.MockedFunction<typeof api.fetchGrants>
const fetchCatalog = api.fetchCatalog as jest.MockedFunction<typeof api.fetchCatalog>

beforeEach(() => {
  resetModuleMocks(api)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  fetchGrants.mockResolvedValue({ items: [], nextCursor: null })
})

describe('免押资格, none yet', () => {
  it('when the user is on a 严重失信 list, then it explains the bar and the way off the list, with no 去申请', async () => {
    const c = catalog()
    fetchCatalog.mockResolvedValue(catalog({ standing: { ...c.standing, redList: [], blackList: ['重大税收违法失信主体'] } }))
    render(<GrantsPage />)
    await act(settle)
    expect(screen.getByText('暂不能申请免押')).toBeTruthy()
    expect(screen.getByText(/（重大税收违法失信主体）.*履行义务后可申请移出名单；对记录有异议的.*提出异议/)).toBeTruthy()
    expect(screen.queryByText('去申请')).toBeNull()
  })

  it('when the user is not listed, then it offers 去申请', async () => {
    fetchCatalog.mockResolvedValue(catalog())
    render(<GrantsPage />)
    await act(settle)
    expect(screen.getByText('还没有免押资格')).toBeTruthy()
    expect(screen.getByText('去申请')).toBeTruthy()
  })
})
