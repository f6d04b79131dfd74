import { act, fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/lists-api'
import { resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import PublicListsPage from '.'

jest.mock('../../../../services/lists-api')
const fetchList = api.fetchPublicList as jest.MockedFunction<typeof api.fetchPublicList>

const enterprise: api.ListHit = {
  id: 'Xk3pQ9sLmN2vB7cR1tY5aZ',
  subject: { kind: 'enterprise', name: '杭州绿源环保科技有限公司', identifier: '91330105MA2J7T4W3E' },
  listName: '诚信典型', department: '杭州市发展和改革委员会', legalBasis: '《浙江省公共信用信息管理条例》第二十七条',
  documentNo: '杭发改信用〔2026〕15号', listedOn: '2026-09-16', publicityEnd: '2029-09-16',
}
const person: api.ListHit = {
  id: 'Qw8eR4tY2uI6oP0aS3dF5g', subject: { kind: 'person', name: '孙*', identifier: '330102********0016' },
  listName: '失信被执行人名单', department: '杭州市上城区人民法院', legalBasis: null, documentNo: null, listedOn: '2026-09-01', publicityEnd: null,
}

async function search(text: string) {
  fireEvent.input(await screen.findByLabelText('企业名称或统一社会信用代码'), { target: { value: text } })
  fireEvent.click(screen.getByText('搜索'))
  await act(settle)
}

beforeEach(() => resetModuleMocks(api))

describe('红黑名单查询', () => {
  it('when opened without login, then the newest red-list entries show with department, basis, date and end of publicity', async () => {
    fetchList.mockResolvedValue({ items: [enterprise], nextCursor: null })
    render(<PublicListsPage />)
    await act(settle)
    expect(fetchList).toHaveBeenCalledWith('red', '', null)
    expect(screen.getByText('杭州绿源环保科技有限公司')).toBeTruthy()
    expect(screen.getByText('诚信典型')).toBeTruthy()
    expect(screen.getByText('统一社会信用代码 91330105MA2J7T4W3E')).toBeTruthy()
    expect(screen.getByText('杭州市发展和改革委员会')).toBeTruthy()
    expect(screen.getByText('《浙江省公共信用信息管理条例》第二十七条')).toBeTruthy()
    expect(screen.getByText('2026-09-16')).toBeTruthy()
    expect(screen.getByText('2029-09-16')).toBeTruthy()
    expect(screen.getByText('最新列入红名单的主体')).toBeTruthy()
  })

  it('when the black-list tab is chosen, then that list loads; a person shows masked as the server sent it, with 长期 for no end', async () => {
    fetchList.mockResolvedValueOnce({ items: [enterprise], nextCursor: null }).mockResolvedValueOnce({ items: [person], nextCursor: null })
    render(<PublicListsPage />)
    await act(settle)
    fireEvent.click(screen.getByText('严重失信主体名单'))
    await act(settle)
    expect(fetchList).toHaveBeenLastCalledWith('black', '', null)
    expect(screen.getByRole('tab', { selected: true }).textContent).toBe('严重失信主体名单')
    expect(screen.getByText('孙*')).toBeTruthy()
    expect(screen.getByText('身份证号码 330102********0016')).toBeTruthy()
    expect(screen.getByText('长期')).toBeTruthy()
  })

  it('when a mistyped USCC is searched, then the server’s Chinese message is shown as it is', async () => {
    fetchList.mockResolvedValueOnce({ items: [], nextCursor: null })
    render(<PublicListsPage />)
    await act(settle)
    fetchList.mockRejectedValueOnce(new ApiError('INVALID_USCC', '统一社会信用代码校验位不正确，请核对后重新输入', 400))
    await search('91330105MA2J7T4W3F')
    expect(fetchList).toHaveBeenLastCalledWith('red', '91330105MA2J7T4W3F', null)
    expect(screen.getByRole('alert').textContent).toBe('统一社会信用代码校验位不正确，请核对后重新输入')
  })

  it('when a name finds nothing, then it says so and what to try', async () => {
    fetchList.mockResolvedValue({ items: [], nextCursor: null })
    render(<PublicListsPage />)
    await act(settle)
    await search('不存在的公司')
    expect(screen.getByText('红名单中没有“不存在的公司”')).toBeTruthy()
    expect(screen.getByText(/请核对企业全称中的关键词/)).toBeTruthy()
  })

  it('when there are more pages, then 加载更多 fetches the next one with the cursor', async () => {
    fetchList.mockResolvedValueOnce({ items: [enterprise], nextCursor: 'next-1' }).mockResolvedValueOnce({ items: [{ ...enterprise, id: 'other' }], nextCursor: null })
    render(<PublicListsPage />)
    await act(settle)
    fireEvent.click(screen.getByText('加载更多'))
    await act(settle)
    expect(fetchList).toHaveBeenLastCalledWith('red', '', 'next-1')
    expect(screen.getByText('已显示全部 2 条')).toBeTruthy()
  })
})
