import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { useCursorQuery } from '../../hooks/use-cursor-list'
import { useGate, type Gate } from '../../hooks/use-gate'
import { useQuery } from '../../hooks/use-query'
import { ApiError } from '../../services/api-error'
import { useAuthStore } from '../../stores/auth'
import { useConsentStore } from '../../stores/consent'
import { usePreferencesStore } from '../../stores/preferences'
import { agentProfile, YUNQI_USCC, loginResponse, pending, profile, settle } from '../../../test/jest/fixtures'
import { __firePageEvent } from '../../../test/jest/taro-mock'
import PageShell from '.'

function Notes({ gate, fetcher }: { gate: Gate; fetcher: () => Promise<string[]> }) {
  const { scope } = useGate(gate)
  const q = useQuery(scope && `notes|${scope}`, fetcher)
  return (
    <PageShell name='notes' gate={gate} what='查看笔记' who='信用办工作人员' subject query={q} errorTitle='笔记加载失败' empty={{ title: '还没有笔记' }} skeleton={{ label: '正在加载笔记' }}>
      {(notes) => notes.map((n) => <Text key={n}>{n}</Text>)}
    </PageShell>
  )
}

const signIn = (over = {}) => {
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse(profile(over)))
}

describe('PageShell gate', () => {
  it('before the privacy consent, then the notice covers the page, the gate offers it again and nothing is fetched', async () => {
    const fetcher = jest.fn(async () => ['a'])
    render(<Notes gate={{ login: true }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByRole('dialog')).toBeTruthy()
    expect(screen.getByText('同意《信用通隐私政策》后，才能查看笔记。')).toBeTruthy()
    expect(fetcher).not.toHaveBeenCalled()
  })

  it('without a session, then it asks to log in and opens the login page', async () => {
    useConsentStore.getState().accept()
    const fetcher = jest.fn(async () => ['a'])
    render(<Notes gate={{ login: true }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('登录后才能查看笔记。')).toBeTruthy()
    fireEvent.click(screen.getByText('登录 / 注册'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/login/index' })
    expect(fetcher).not.toHaveBeenCalled()
  })

  it('without real-name binding, then it offers 去认证; acting for an enterprise needs none and names it', async () => {
    signIn({ realNameVerified: false })
    const fetcher = jest.fn(async () => ['a'])
    const view = render(<Notes gate={{ realName: true }} fetcher={fetcher} />)
    await act(settle)
    fireEvent.click(screen.getByText('去认证'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/account/pages/real-name/index' })
    expect(fetcher).not.toHaveBeenCalled()
    view.unmount()

    useAuthStore.getState().setSession(loginResponse({ ...agentProfile(), realNameVerified: false }))
    useAuthStore.getState().setActingFor(YUNQI_USCC)
    render(<Notes gate={{ realName: true }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('企业：杭州云栖数字科技有限公司')).toBeTruthy()
    expect(screen.getByText('a')).toBeTruthy()
  })

  it('without the role, then 无权限 names who may use it; with it, the page loads', async () => {
    signIn({ roles: ['verifier'] })
    const fetcher = jest.fn(async () => ['a'])
    const view = render(<Notes gate={{ role: 'officer' }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('无权限')).toBeTruthy()
    expect(screen.getByText(/^此功能仅限信用办工作人员使用/)).toBeTruthy()
    expect(fetcher).not.toHaveBeenCalled()
    view.unmount()

    useAuthStore.getState().setUser(profile({ roles: ['officer'] }))
    render(<Notes gate={{ role: 'officer' }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('a')).toBeTruthy()
  })
})

describe('PageShell states', () => {
  beforeEach(() => signIn())

  it('while loading, a skeleton; in 长辈模式 the page class says so', async () => {
    usePreferencesStore.setState({ elderly: true })
    const { container } = render(<Notes gate={{ login: true }} fetcher={() => pending()} />)
    await act(settle)
    expect(screen.getByLabelText('正在加载笔记')).toBeTruthy()
    expect(container.querySelector('.page.notes.elderly')).toBeTruthy()
  })

  it('when loading fails, the reason shows and 重试 loads again from the skeleton', async () => {
    const fetcher = jest.fn().mockRejectedValueOnce(new ApiError('HTTP_503', '服务繁忙，请稍后再试', 503)).mockResolvedValueOnce(['a'])
    render(<Notes gate={{ login: true }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByRole('alert').textContent).toContain('笔记加载失败')
    expect(screen.getByText('服务繁忙，请稍后再试')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    expect(screen.getByLabelText('正在加载笔记')).toBeTruthy()
    await act(settle)
    expect(screen.getByText('a')).toBeTruthy()
  })

  it('with nothing, the empty state; pulled down, it loads again and the spinner stops', async () => {
    const fetcher = jest.fn().mockResolvedValueOnce([]).mockResolvedValueOnce(['new'])
    render(<Notes gate={{ login: true }} fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('还没有笔记')).toBeTruthy()
    act(() => __firePageEvent('pullDownRefresh'))
    await act(settle)
    expect(screen.getByText('new')).toBeTruthy()
    expect(Taro.stopPullDownRefresh).toHaveBeenCalled()
  })

  it('when a refresh fails, the data stays and the reason shows beside it', async () => {
    const fetcher = jest.fn().mockResolvedValueOnce(['a']).mockRejectedValueOnce(new ApiError('NETWORK_ERROR', '网络连接失败'))
    render(<Notes gate={{ login: true }} fetcher={fetcher} />)
    await act(settle)
    act(() => __firePageEvent('pullDownRefresh'))
    await act(settle)
    expect(screen.getByText('a')).toBeTruthy()
    expect(screen.getByText('未能刷新：网络连接失败')).toBeTruthy()
  })

  it('a cursor list loads more at the bottom and says when all are shown', async () => {
    function List() {
      const list = useCursorQuery('list', async (cursor) => (cursor ? { items: ['b'], nextCursor: null } : { items: ['a'], nextCursor: 'c2' }))
      return (
        <PageShell name='list' gate={{ login: true }} query={list} endText={(n) => `共 ${n} 条`}>
          {(items) => items.map((i) => <Text key={i}>{i}</Text>)}
        </PageShell>
      )
    }
    render(<List />)
    await act(settle)
    expect(screen.getByText('加载更多')).toBeTruthy()
    act(() => __firePageEvent('reachBottom'))
    await act(settle)
    expect(screen.getByText('b')).toBeTruthy()
    expect(screen.getByText('共 2 条')).toBeTruthy()
  })
})
