import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import OutboxRow from '../../../../components/outbox-row'
import { ApiError } from '../../../../services/api-error'
import { enqueue, setOutboxTransport } from '../../../../services/outbox/runner'
import { useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, httpError, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse } from '../../../../../test/jest/fixtures'
import OutboxPage from '.'

let transport: FakeTransport
const flush = () => act(async () => void (await jest.advanceTimersByTimeAsync(0)))
const claim = (n: number) => ({
  kind: 'voucher-claim',
  title: `领取卡券：景区 ${n}`,
  ownerId: 'user-citizen-red',
  subject: null,
  url: `/incentives/spot-${n}/claims`,
  body: { benefit: 'ticket_discount', visitDate: '2026-12-01' },
  resultPath: 'voucher.id',
  link: '/packages/incentives/pages/voucher/index?id=',
})

beforeEach(() => {
  jest.useFakeTimers()
  transport = fakeTransport()
  setOutboxTransport(transport)
  // a session comes only after the privacy consent
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})
afterEach(() => jest.useRealTimers())

async function threeItems() {
  transport.send
    .mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    .mockRejectedValueOnce(httpError(409, 'DAILY_LIMIT', '同一景区每人每天最多领取 2 张卡券'))
    .mockResolvedValueOnce({ kind: 'voucher', voucher: { id: 'v-3' } })
  // inside act: a mounted 待发送 row re-renders as each one is queued and sent
  await act(async () => {
    enqueue(claim(1))
    enqueue(claim(2))
    enqueue(claim(3))
    await jest.advanceTimersByTimeAsync(0)
  })
}

describe('待发送', () => {
  it('我的 shows a 待发送 row with the number of waiting and failed submissions, opening the list', async () => {
    const { container } = render(<OutboxRow />)
    expect(container.textContent).toBe('')
    await threeItems()
    expect(screen.getByLabelText('待发送 2 项')).toBeTruthy()
    fireEvent.click(screen.getByLabelText('待发送 2 项'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/outbox/index' })
  })

  it('lists each submission with its state: 待发送 with why it waits, 失败 with the server’s reason, 已提交 with its page', async () => {
    transport.send.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')) // still offline
    await threeItems()
    render(<OutboxPage />)
    await flush()
    const card = (n: number) => screen.getByText(`领取卡券：景区 ${n}`).closest('[data-status]') as HTMLElement
    expect(card(1).textContent).toContain('待发送')
    expect(card(1).textContent).toContain('网络连接失败，请检查网络后重试；将自动重试')
    expect(card(2).textContent).toContain('失败（同一景区每人每天最多领取 2 张卡券）')
    expect(card(3).textContent).toContain('已提交')
    fireEvent.click(screen.getByText('查看'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/incentives/pages/voucher/index?id=v-3' })
  })

  it('重试 sends a waiting item now under its key; 放弃 removes it after confirmation', async () => {
    await threeItems()
    render(<OutboxPage />)
    await flush() // opening the list tries what waits
    const firstKey = transport.send.mock.calls[0][0].idempotencyKey
    expect(transport.send.mock.calls[3][0].idempotencyKey).toBe(firstKey)
    expect(screen.getByText('领取卡券：景区 1').closest('[data-status]')?.getAttribute('data-status')).toBe('done')

    const failed = screen.getByText('领取卡券：景区 2').closest('[data-status]') as HTMLElement
    fireEvent.click(failed.querySelector('.btn-secondary') as HTMLElement)
    await flush()
    expect(Taro.showModal).toHaveBeenCalled()
    expect(screen.queryByText('领取卡券：景区 2')).toBeNull()
    expect(useOutboxStore.getState().items.map((i) => i.title)).toEqual(['领取卡券：景区 1', '领取卡券：景区 3'])
  })
})
