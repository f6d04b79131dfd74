import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import CommitmentsHome from '.'

jest.mock('../../../../services/commitments-api')
const fetchTemplates = api.fetchTemplates as jest.MockedFunction<typeof api.fetchTemplates>

const USCC = '91330106MA2H3K5Q7N'
const summary = (id: string, kind: api.TemplateSummary['kind'], title: string, audience: api.TemplateAudience): api.TemplateSummary => ({
  id, version: 1, kind, title, audience, textSha256: 'a'.repeat(64),
})
const personTemplates = [summary('tpl-person-benefit', '审批型', '申领公共服务事项告知承诺书（证明事项）', 'person'), summary('tpl-repair', '修复型', '信用修复承诺书', 'both')]
const enterpriseTemplates = [
  summary('tpl-food-licence', '审批型', '食品经营许可告知承诺书', 'enterprise'),
  summary('tpl-public-integrity', '主动公示型', '企业诚信经营承诺书', 'enterprise'),
  summary('tpl-repair', '修复型', '信用修复承诺书', 'both'),
]

beforeEach(() => resetModuleMocks(api))

describe('信用承诺 home', () => {
  it('when nobody is logged in, then the public entries stay open and signing asks for login', async () => {
    render(<CommitmentsHome />)
    await act(settle)
    expect(fetchTemplates).not.toHaveBeenCalled()
    expect(screen.getByText('承诺公示')).toBeTruthy()
    fireEvent.click(screen.getByRole('button', { name: '回执核验' }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/verify/index' })
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenLastCalledWith({ url: '/packages/account/pages/login/index' })
  })

  it('when an agent switches to the enterprise, then its templates load by kind, and 修复型 is labelled as used in repair', async () => {
    // a session comes only after the privacy consent
    useConsentStore.getState().accept()
    useAuthStore.getState().setSession(
      loginResponse(
        profile({
          subjects: [
            { id: 'person-wu', kind: 'person', name: '吴*', identifier: '330106********0088', relation: '本人' },
            { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: USCC, relation: '法定代表人' },
          ],
        }),
      ),
    )
    fetchTemplates.mockImplementation(async () => ({ items: useAuthStore.getState().actingFor ? enterpriseTemplates : personTemplates, nextCursor: null }))
    render(<CommitmentsHome />)
    await act(settle)
    expect(screen.getByText('申领公共服务事项告知承诺书（证明事项）')).toBeTruthy()

    fireEvent.click(screen.getByLabelText('更换签署身份'))
    fireEvent.click(screen.getByLabelText('以杭州云栖数字科技有限公司身份签署'))
    await act(settle)
    expect(useAuthStore.getState().actingFor).toBe(USCC)
    expect(fetchTemplates).toHaveBeenCalledTimes(2)
    expect(screen.getByText('食品经营许可告知承诺书')).toBeTruthy()
    expect(screen.getByText('在信用修复中使用')).toBeTruthy()
    expect(screen.getByText('信用修复承诺书')).toBeTruthy()

    fireEvent.click(screen.getByText('主动公示型'))
    fireEvent.click(screen.getByText('企业诚信经营承诺书'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/sign/index?id=tpl-public-integrity' })
  })
})
