import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { COMMITMENT_MIN_READ_SECONDS } from '../../../../domain/policy'
import { ApiError } from '../../../../services/api-error'
import * as api from '../../../../services/commitments-api'
import { resetOutboxRunner, setOutboxTransport } from '../../../../services/outbox/runner'
import { OUTBOX_STORAGE_KEY, useOutboxStore } from '../../../../services/outbox/store'
import { fakeTransport, type FakeTransport } from '../../../../services/outbox/testing'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { loginResponse, profile, resetModuleMocks } from '../../../../../test/jest/fixtures'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import SignPage from '.'

jest.mock('../../../../services/commitments-api')
// The canvas itself cannot draw in jsdom: a tap on this stand-in is one finished stroke.
jest.mock('../../../../features/commitments/signature/signature-surface', () => {
  const React = require('react')
  const png = 'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAEAAAAAgCAYAAAAAAAAA'
  return {
    __esModule: true,
    default: React.forwardRef(function FakeSurface(props: { label: string; onStrokeStart?(): void; onStrokeEnd(ink: boolean): void }, ref: unknown) {
      React.useImperativeHandle(ref, () => ({ clear: () => undefined, exportPng: async () => png }))
      return React.createElement('div', {
        'aria-label': props.label,
        onClick: () => {
          props.onStrokeStart?.()
          props.onStrokeEnd(true)
        },
      })
    }),
  }
})

const USCC = '91330106MA2H3K5Q7N'
const template: api.CommitmentTemplate = {
  id: 'tpl-public-integrity',
  version: 2,
  kind: '主动公示型',
  audience: 'enterprise',
  title: '企业诚信经营承诺书',
  body: '本单位郑重承诺：\n一、所提供的全部材料真实、准确、完整、有效；\n二、依法诚信经营。',
  textSha256: 'a'.repeat(64),
}
const signed = { id: 'c-1', receiptNo: 'CP20261122K7QM2XRD' } as api.CommitmentDetail
const mocked = <T extends (...args: never[]) => unknown>(fn: T) => fn as unknown as jest.MockedFunction<T>
// Signings leave through the outbox: its transport is what the server would receive.
let transport: FakeTransport
const signMock = () => transport.send
const sent = () => transport.send.mock.calls.map(([r]) => [r.body, r.idempotencyKey] as const)

const agent = profile({
  id: 'user-agent-yunqi',
  name: '吴*',
  phone: '138****0007',
  roles: ['citizen', 'agent'],
  subjects: [
    { id: 'person-wu', kind: 'person', name: '吴*', identifier: '330106********0088', relation: '本人' },
    { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: USCC, relation: '法定代表人' },
  ],
})

/** Lets timers, promises and the renders they cause run. */
const advance = (ms: number) => act(async () => void (await jest.advanceTimersByTimeAsync(ms)))

async function openSignPage() {
  mocked(api.fetchTemplate).mockResolvedValue(template)
  const view = render(<SignPage />)
  await advance(0)
  expect(screen.getByText('企业诚信经营承诺书', { selector: '.sign-title' })).toBeTruthy()
  return view
}

const button = () => screen.getByText(/^(确认签署|重新提交|正在签署…)$/)
const isDisabled = () => button().hasAttribute('disabled')
const scrollToEnd = () => act(() => void document.getElementById('sign-text')!.dispatchEvent(new CustomEvent('scrolltolower')))
const tick = () => fireEvent.click(screen.getByRole('checkbox'))
const draw = () => act(async () => void fireEvent.click(screen.getByLabelText('手写签名区域')))

beforeEach(() => {
  jest.useFakeTimers()
  resetModuleMocks(api)
  transport = fakeTransport()
  setOutboxTransport(transport)
  __setRouterParams({ id: template.id })
  // a session comes only after the privacy consent
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(agent))
  useAuthStore.getState().setActingFor(USCC)
})
afterEach(() => jest.useRealTimers())

describe('签署信用承诺', () => {
  it('when the text is not scrolled to its end, read long enough, ticked and signed, then 确认签署 stays disabled and says why', async () => {
    await openSignPage()
    expect(screen.getByText('请阅读至末尾')).toBeTruthy()
    expect(screen.getByText(`还需阅读 ${COMMITMENT_MIN_READ_SECONDS} 秒`)).toBeTruthy()
    expect(isDisabled()).toBe(true)
    expect(screen.getByText('请先阅读至承诺书末尾')).toBeTruthy()

    // Everything but the end of the text: still refused.
    tick()
    await draw()
    await advance(COMMITMENT_MIN_READ_SECONDS * 1000)
    expect(isDisabled()).toBe(true)
    fireEvent.click(button())
    expect(signMock()).not.toHaveBeenCalled()

    await scrollToEnd()
    expect(screen.getByText('✓ 已阅读至末尾')).toBeTruthy()
    expect(isDisabled()).toBe(false)
  })

  it('when the end is reached before the reading time, then the countdown keeps the button disabled until it ends', async () => {
    await openSignPage()
    await scrollToEnd()
    tick()
    await draw()
    await advance(7000)
    expect(screen.getByText(`还需阅读 ${COMMITMENT_MIN_READ_SECONDS - 7} 秒`)).toBeTruthy()
    expect(screen.getByText(`请再阅读 ${COMMITMENT_MIN_READ_SECONDS - 7} 秒`)).toBeTruthy()
    expect(isDisabled()).toBe(true)
    fireEvent.click(button())
    expect(signMock()).not.toHaveBeenCalled()

    await advance((COMMITMENT_MIN_READ_SECONDS - 7) * 1000)
    expect(screen.getByText(`✓ 已阅读满 ${COMMITMENT_MIN_READ_SECONDS} 秒`)).toBeTruthy()
    expect(isDisabled()).toBe(false)
  })

  it('when read but not ticked or not signed, then it asks for exactly what is missing', async () => {
    await openSignPage()
    await scrollToEnd()
    await advance(COMMITMENT_MIN_READ_SECONDS * 1000)
    expect(screen.getByText('请勾选“我已阅读并同意”')).toBeTruthy()
    expect(isDisabled()).toBe(true)
    tick()
    expect(screen.getByText('请在签名区域手写签名')).toBeTruthy()
    expect(isDisabled()).toBe(true)
    await draw()
    expect(isDisabled()).toBe(false)
    tick()
    expect(isDisabled()).toBe(true)
  })

  it('when confirmed twice quickly and the network fails, then one request is sent, and the retry reuses its Idempotency-Key', async () => {
    await openSignPage()
    await scrollToEnd()
    await advance(COMMITMENT_MIN_READ_SECONDS * 1000)
    tick()
    await draw()

    let fail!: (e: unknown) => void
    signMock().mockImplementationOnce(() => new Promise((_resolve, reject) => (fail = reject)))
    fireEvent.click(button())
    fireEvent.click(button())
    await advance(0)
    expect(signMock()).toHaveBeenCalledTimes(1)
    expect(transport.send.mock.calls[0][0]).toMatchObject({ url: '/commitments', subject: USCC })
    const [body, key] = sent()[0]
    expect(body).toEqual({ templateId: template.id, version: 2, textSha256: template.textSha256, agreed: true, signaturePng: expect.stringMatching(/^data:image\/png;base64,/) })
    expect(key).toMatch(/^[A-Za-z0-9_\-:.]{8,128}$/)

    await act(async () => fail(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试')))
    await advance(0)
    expect(screen.getByText(/网络连接失败，请检查网络后重试。签署尚未确认完成/)).toBeTruthy()
    expect(button().textContent).toBe('重新提交')
    expect(Taro.redirectTo).not.toHaveBeenCalled()

    expect(useOutboxStore.getState().items[0]).toMatchObject({ status: 'pending', lastError: '网络连接失败，请检查网络后重试' })

    signMock().mockResolvedValueOnce(signed)
    fireEvent.click(button())
    await advance(0)
    expect(signMock()).toHaveBeenCalledTimes(2)
    expect(sent()[1]).toEqual([body, key])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/receipt/index?id=c-1&new=1' })
    expect(useOutboxStore.getState().drafts).toEqual({})
    expect(useOutboxStore.getState().items.map((i) => i.status)).toEqual(['done'])
  })

  it('when the server refuses the signature, then its message is shown and the next attempt gets a new key', async () => {
    await openSignPage()
    await scrollToEnd()
    await advance(COMMITMENT_MIN_READ_SECONDS * 1000)
    tick()
    await draw()
    signMock().mockRejectedValueOnce(new ApiError('INVALID_SIGNATURE', '签名为空白，请在签名区域手写签名', 400)).mockResolvedValueOnce(signed)
    fireEvent.click(button())
    await advance(0)
    expect(screen.getByText('签名为空白，请在签名区域手写签名')).toBeTruthy()
    expect(button().textContent).toBe('确认签署')

    fireEvent.click(screen.getByText('清除'))
    await draw()
    fireEvent.click(button())
    await advance(0)
    expect(signMock()).toHaveBeenCalledTimes(2)
    expect(sent()[1][1]).not.toBe(sent()[0][1])
  })

  it('when the app closes mid-signing, then the tick and the signature come back, the outbox resends under the same key, and nothing personal is stored', async () => {
    const first = await openSignPage()
    await scrollToEnd()
    await advance(COMMITMENT_MIN_READ_SECONDS * 1000)
    tick()
    await draw()
    signMock().mockRejectedValueOnce(new ApiError('TIMEOUT', '请求超时，请稍后重试'))
    fireEvent.click(button())
    await advance(0)
    const firstKey = sent()[0][1]
    first.unmount()

    // A restart: memory, timers and the send in progress are gone; storage is what the app finds.
    const stored = String(Taro.getStorageSync(OUTBOX_STORAGE_KEY))
    expect(stored).toContain(firstKey)
    expect(stored).toContain('data:image/png;base64,')
    for (const personal of ['吴', '138****0007', '330106********0088']) expect(stored).not.toContain(personal)
    resetOutboxRunner()
    setOutboxTransport(transport)
    useOutboxStore.setState({ items: [], drafts: {} })
    Taro.setStorageSync(OUTBOX_STORAGE_KEY, stored)
    await useOutboxStore.persist.rehydrate()

    // The reopened page shows the signing as sent and waiting.
    await openSignPage()
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('true')
    expect(screen.getByText('重签')).toBeTruthy()
    expect(screen.getByText('签名已随上次提交发送，等待结果期间不能更改')).toBeTruthy()
    expect(button().textContent).toBe('重新提交')

    // The outbox sends it again by itself, under the same key, and the receipt opens.
    signMock().mockResolvedValueOnce(signed)
    await advance(5 * 60_000)
    expect(sent().map(([, key]) => key)).toEqual([firstKey, firstKey])
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/commitments/pages/receipt/index?id=c-1&new=1' })
  })

  it('when the draft belongs to another account on this device, then it is not restored', async () => {
    const first = await openSignPage()
    tick()
    await draw()
    first.unmount()
    useAuthStore.getState().setSession(loginResponse({ ...agent, id: 'user-someone-else' }))
    useAuthStore.getState().setActingFor(USCC)
    await openSignPage()
    expect(screen.getByRole('checkbox').getAttribute('aria-checked')).toBe('false')
    expect(screen.getByText('请在此区域内手写签名')).toBeTruthy()
    expect(Object.values(useOutboxStore.getState().drafts).every((d) => d.ownerId === 'user-someone-else')).toBe(true)
  })

  it('when an enterprise template is opened as oneself, then it says to switch, and the switch is offered', async () => {
    useAuthStore.getState().setActingFor(null)
    await openSignPage()
    expect(screen.getByText('该承诺书由企业签署，请先选择以企业身份签署', { selector: '.form-error' })).toBeTruthy()
    fireEvent.click(screen.getByText('更换'))
    fireEvent.click(screen.getByLabelText('以杭州云栖数字科技有限公司身份签署'))
    expect(useAuthStore.getState().actingFor).toBe(USCC)
    expect(screen.queryByText('该承诺书由企业签署，请先选择以企业身份签署', { selector: '.form-error' })).toBeNull()
  })
})
