import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/commitments-api'
import { resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import PublicCommitmentsPage from '.'

jest.mock('../../../../services/commitments-api')
const fetchPublic = api.fetchPublicCommitments as jest.MockedFunction<typeof api.fetchPublicCommitments>

// What the public list sends: no internal id, no signature hash.
const item = (n: number): api.PublicCommitment => ({
  receiptNo: `CP2026112${n}K7QM2XRD`,
  template: { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', title: '企业诚信经营承诺书' },
  subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', uscc: '91330106MA2H3K5Q7N' },
  signerRelation: '法定代表人',
  textSha256: 'a'.repeat(64),
  status: n === 2 ? '违诺' : '履约中',
  statusReason: null,
  signedAt: '2026-11-22T02:30:00.000Z',
})

async function search(text: string) {
  fireEvent.input(await screen.findByLabelText('企业名称或统一社会信用代码'), { target: { value: text } })
  fireEvent.click(screen.getByText('搜索'))
  await act(settle)
}

beforeEach(() => resetModuleMocks(api))

describe('承诺公示', () => {
  it('when opened without login, then the latest public commitments show with enterprise, USCC, template, kind, date and status', async () => {
    fetchPublic.mockResolvedValue({ items: [item(1), item(2)], nextCursor: null })
    render(<PublicCommitmentsPage />)
    await act(settle)
    expect(fetchPublic).toHaveBeenCalledWith('', null)
    expect(screen.getAllByText('杭州云栖数字科技有限公司')).toHaveLength(2)
    expect(screen.getAllByText('统一社会信用代码 91330106MA2H3K5Q7N')).toHaveLength(2)
    expect(screen.getAllByText('主动公示型')).toHaveLength(2)
    expect(screen.getAllByText('2026-11-22 签署')).toHaveLength(2)
    expect(screen.getByText('违诺')).toBeTruthy()
    expect(screen.getByText('已显示全部 2 条')).toBeTruthy()

    fireEvent.click(screen.getAllByRole('link')[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/verify/index?no=CP20261121K7QM2XRD' })
  })

  it('when a mistyped USCC is searched, then the server’s Chinese message is shown as it is', async () => {
    fetchPublic.mockResolvedValueOnce({ items: [], nextCursor: null })
    render(<PublicCommitmentsPage />)
    await act(settle)
    fetchPublic.mockRejectedValueOnce(new ApiError('INVALID_USCC', '统一社会信用代码校验位不正确，请核对后重新输入', 400))
    await search('91330106MA2H3K5Q7X')
    expect(fetchPublic).toHaveBeenLastCalledWith('91330106MA2H3K5Q7X', null)
    expect(screen.getByRole('alert').textContent).toBe('统一社会信用代码校验位不正确，请核对后重新输入')
  })

  it('when there are more pages, then 加载更多 fetches the next one with the cursor', async () => {
    fetchPublic.mockResolvedValueOnce({ items: [item(1)], nextCursor: 'next-1' }).mockResolvedValueOnce({ items: [item(2)], nextCursor: null })
    render(<PublicCommitmentsPage />)
    await act(settle)
    fireEvent.click(screen.getByText('加载更多'))
    await act(settle)
    expect(fetchPublic).toHaveBeenLastCalledWith('', 'next-1')
    expect(screen.getByText('已显示全部 2 条')).toBeTruthy()
  })

  it('when a name finds nothing, then it says so and what to try', async () => {
    fetchPublic.mockResolvedValue({ items: [], nextCursor: null })
    render(<PublicCommitmentsPage />)
    await act(settle)
    await search('不存在的公司')
    expect(screen.getByText('没有找到公示的承诺')).toBeTruthy()
    expect(screen.getByText(/请核对企业全称中的关键词/)).toBeTruthy()
  })
})
