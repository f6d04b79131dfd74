import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import MessageBell from '../../../../features/messages/components/message-bell'
import MessageRow from '../../../../features/messages/components/message-row'
import { useUnreadStore } from '../../../../features/messages/unread'
import { requestCaseSubscription } from '../../../../platform/subscribe'
import * as api from '../../../../services/messages-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import { __firePageEvent } from '../../../../../test/jest/taro-mock'
import MessagesPage from '.'

jest.mock('../../../../services/messages-api')
const fetchMessages = api.fetchMessages as jest.MockedFunction<typeof api.fetchMessages>
const markRead = api.markMessageRead as jest.MockedFunction<typeof api.markMessageRead>
const markAll = api.markAllMessagesRead as jest.MockedFunction<typeof api.markAllMessagesRead>
const taro = Taro as unknown as Record<string, jest.Mock>

/** A message as GET /api/messages sends it. */
const message = (n: number, over: Partial<api.Message> = {}): api.Message => ({
  id: `msg-${n}`,
  title: `异议申请已受理 ${n}`,
  body: '您对“行政处罚 杭西市监罚〔2026〕12号”提出的异议已受理，将在 5 个工作日内办结。',
  createdAt: '2026-11-28T02:30:00.000Z',
  readAt: null,
  link: `/packages/credit/pages/detail/index?id=rec-${n}`,
  ...over,
})
const page = (items: api.Message[], nextCursor: string | null, unread: number): api.MessagePage => ({ items, nextCursor, unread })

beforeEach(() => {
  resetModuleMocks(api)
  useUnreadStore.setState({ count: 0 })
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  markRead.mockResolvedValue({ id: 'm1', readAt: '2026-11-30T01:00:00.000Z' })
  markAll.mockResolvedValue({ updated: 0 })
})

async function openList() {
  const view = render(<MessagesPage />)
  await act(settle)
  return view
}

describe('消息', () => {
  it('lists messages with unread ones marked, China time, and the unread count on the tab bar', async () => {
    fetchMessages.mockResolvedValueOnce(page([message(1), message(2, { readAt: '2026-11-28T03:00:00.000Z' })], null, 1))
    await openList()
    expect(screen.getByLabelText('未读，异议申请已受理 1').getAttribute('data-unread')).toBe('true')
    expect(screen.getByLabelText('异议申请已受理 2').getAttribute('data-unread')).toBe('false')
    expect(screen.getAllByText('2026-11-28 10:30')).toHaveLength(2)
    expect(screen.getByText('1 条未读')).toBeTruthy()
    expect(taro.setTabBarBadge).toHaveBeenLastCalledWith({ index: 2, text: '1' })
    expect(screen.getByText('已显示全部 2 条消息')).toBeTruthy()
  })

  it('loads the next page with the cursor when the user scrolls to the bottom', async () => {
    fetchMessages.mockResolvedValueOnce(page([message(1)], 'cur-2', 2)).mockResolvedValueOnce(page([message(2)], null, 2))
    await openList()
    act(() => __firePageEvent('reachBottom'))
    await act(settle)
    expect(fetchMessages).toHaveBeenLastCalledWith('cur-2')
    expect(screen.getByText('异议申请已受理 2')).toBeTruthy()
  })

  it('opening a message marks it read and goes to the page it is about; a link outside the app is not opened', async () => {
    fetchMessages.mockResolvedValueOnce(page([message(1), message(2, { link: 'https://example.com/x' })], null, 2))
    await openList()
    fireEvent.click(screen.getByLabelText('未读，异议申请已受理 1'))
    expect(markRead).toHaveBeenCalledWith('msg-1')
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/credit/pages/detail/index?id=rec-1' })
    expect(screen.getByLabelText('异议申请已受理 1').getAttribute('data-unread')).toBe('false')
    expect(useUnreadStore.getState().count).toBe(1)

    fireEvent.click(screen.getByLabelText('未读，异议申请已受理 2'))
    expect(Taro.navigateTo).toHaveBeenCalledTimes(1)
  })

  it('全部已读 marks every message read and clears the tab badge', async () => {
    fetchMessages.mockResolvedValueOnce(page([message(1), message(2)], null, 2))
    await openList()
    fireEvent.click(screen.getByText('全部已读'))
    await act(settle)
    expect(markAll).toHaveBeenCalledTimes(1)
    expect(screen.queryAllByLabelText(/^未读/)).toHaveLength(0)
    expect(screen.getByText('没有未读消息')).toBeTruthy()
    expect(taro.removeTabBarBadge).toHaveBeenLastCalledWith({ index: 2 })
  })

  it('with no messages, it says what will arrive here', async () => {
    fetchMessages.mockResolvedValueOnce(page([], null, 0))
    await openList()
    expect(screen.getByText('暂无消息')).toBeTruthy()
  })

  it('before the privacy consent, the bell asks the server nothing', async () => {
    useConsentStore.setState({ acceptedVersion: null } as never)
    render(<MessageBell />)
    await act(settle)
    expect(fetchMessages).not.toHaveBeenCalled()
    expect(screen.getByLabelText('消息')).toBeTruthy()
  })

  it('the bell on 首页 and the row in 我的 show the unread count and open 消息', async () => {
    fetchMessages.mockResolvedValue(page([message(1)], null, 3))
    render(
      <>
        <MessageBell />
        <MessageRow />
      </>,
    )
    await act(settle)
    expect(screen.getAllByLabelText('消息，3 条未读')).toHaveLength(2)
    fireEvent.click(screen.getAllByLabelText('消息，3 条未读')[0])
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/messages/pages/index/index' })
  })
})

describe('requestCaseSubscription', () => {
  const env = process.env.TARO_ENV
  afterEach(() => {
    process.env.TARO_ENV = env
  })

  it('on weapp, asks at once (inside the tap, nothing awaited first) and a refusal does not throw', () => {
    process.env.TARO_ENV = 'weapp'
    taro.requestSubscribeMessage.mockRejectedValueOnce({ errMsg: 'requestSubscribeMessage:fail cancel' })
    let submitted = false
    const onTap = () => {
      requestCaseSubscription(['tpl-objection-progress'])
      submitted = true
    }
    onTap()
    expect(taro.requestSubscribeMessage).toHaveBeenCalledWith(expect.objectContaining({ tmplIds: ['tpl-objection-progress'] }))
    expect(submitted).toBe(true)
  })

  it('on H5, does nothing', () => {
    process.env.TARO_ENV = 'h5'
    requestCaseSubscription(['tpl-objection-progress'])
    expect(taro.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
