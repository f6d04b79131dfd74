// Shapes the API answers with, as the server would send them (personal data already masked).
import type { LoginResponse, Persona, Profile } from '../../src/services/types'

export function profile(overrides: Partial<Profile> = {}): Profile {
  return {
    id: 'user-citizen-red',
    name: '陈**',
    phone: '138****0001',
    idNumber: '330106********0012',
    realNameVerified: true,
    wechatBound: false,
    roles: ['citizen'],
    orgName: null,
    subjects: [{ id: 'person-chen', kind: 'person', name: '陈**', identifier: '330106********0012', relation: '本人' }],
    ...overrides,
  }
}

export function loginResponse(user: Profile = profile()): LoginResponse {
  return { accessToken: 'access-1', refreshToken: 'refresh-1', expiresIn: 900, user }
}

export const personas: Persona[] = [
  { id: 'agent-yunqi', name: '吴*', roles: ['citizen', 'agent'], summary: '企业法定代表人：杭州云栖数字科技有限公司（纳税信用 A 级）' },
  { id: 'citizen-red', name: '陈**', roles: ['citizen'], summary: '红名单市民：优秀志愿者，信用极好，可享信易游、信易租' },
  { id: 'staff-officer', name: '马*', roles: ['citizen', 'officer'], summary: '信用办工作人员：办理异议和信用修复申请' },
]

/** Lets pending promises and the effects they trigger run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0))

/** Forgets the calls and scripted answers of every function of an automocked module. */
export function resetModuleMocks(mod: object) {
  for (const fn of Object.values(mod)) if (jest.isMockFunction(fn)) fn.mockReset()
}
