import { act, render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import { useState } from 'react'
import { invalidate } from '../services/query/cache'
import { __firePageEvent } from '../../test/jest/taro-mock'
import { settle } from '../../test/jest/fixtures'
import { useCursorQuery } from './use-cursor-list'
import { useQuery } from './use-query'

function Voucher({ id, fetcher, refetchOnShow }: { id: string | null; fetcher: (id: string) => Promise<string>; refetchOnShow?: boolean }) {
  const q = useQuery(id && `voucher|${id}`, () => fetcher(id!), { topics: ['vouchers'], refetchOnShow })
  return <Text>{q.status === 'ready' ? q.data : q.status}</Text>
}

describe('useQuery', () => {
  it('when a mutation invalidates its topic while the page is mounted, then it shows the new answer without a skeleton in between', async () => {
    let n = 0
    const fetcher = jest.fn(async (id: string) => `${id} #${++n}`)
    render(<Voucher id='v1' fetcher={fetcher} />)
    await act(settle)
    expect(screen.getByText('v1 #1')).toBeTruthy()
    act(() => invalidate('vouchers'))
    expect(screen.getByText('v1 #1')).toBeTruthy()
    await act(settle)
    expect(screen.getByText('v1 #2')).toBeTruthy()
  })

  it('when invalidated while the page was away, then the cached answer shows at once and the new one replaces it', async () => {
    let n = 0
    const fetcher = jest.fn(async (id: string) => `${id} #${++n}`)
    const first = render(<Voucher id='v1' fetcher={fetcher} />)
    await act(settle)
    first.unmount()
    invalidate('vouchers')
    expect(fetcher).toHaveBeenCalledTimes(1)

    render(<Voucher id='v1' fetcher={fetcher} />)
    expect(screen.getByText('v1 #1')).toBeTruthy()
    await act(settle)
    expect(screen.getByText('v1 #2')).toBeTruthy()
  })

  it('when the page is shown again, then it fetches only if invalidated meanwhile (or asked to every time)', async () => {
    const fetcher = jest.fn(async (id: string) => id)
    render(<Voucher id='v1' fetcher={fetcher} />)
    await act(settle)
    act(() => __firePageEvent('didShow'))
    await act(settle)
    expect(fetcher).toHaveBeenCalledTimes(1)

    const always = jest.fn(async (id: string) => id)
    render(<Voucher id='v2' fetcher={always} refetchOnShow />)
    await act(settle)
    act(() => __firePageEvent('didShow'))
    await act(settle)
    expect(always).toHaveBeenCalledTimes(2)
  })

  it('when the key changes while the old answer is still on its way, then the old answer never shows', async () => {
    const answers: Record<string, (v: string) => void> = {}
    const fetcher = (id: string) => new Promise<string>((resolve) => (answers[id] = resolve))
    function Switcher() {
      const [id, setId] = useState('a')
      return (
        <>
          <Voucher id={id} fetcher={fetcher} />
          <Text onClick={() => setId('b')}>switch</Text>
        </>
      )
    }
    render(<Switcher />)
    act(() => screen.getByText('switch').click())
    await act(async () => answers.b('answer b'))
    await act(async () => answers.a('answer a'))
    expect(screen.getByText('answer b')).toBeTruthy()
    expect(screen.queryByText('answer a')).toBeNull()
  })

  it('when the key is null (gate not passed), then nothing is fetched', async () => {
    const fetcher = jest.fn(async (id: string) => id)
    render(<Voucher id={null} fetcher={fetcher} />)
    await act(settle)
    expect(fetcher).not.toHaveBeenCalled()
    expect(screen.getByText('idle')).toBeTruthy()
  })
})

describe('useCursorQuery', () => {
  function Records({ fetchPage }: { fetchPage: (c: string | null) => Promise<{ items: string[]; nextCursor: string | null }> }) {
    const list = useCursorQuery('records|u1', fetchPage, { topics: ['objections'] })
    return <Text>{list.items.join(',') || list.status}</Text>
  }

  it('when its topic is invalidated, then it loads again from the first page, keeping the rows meanwhile', async () => {
    let round = 0
    const fetchPage = jest.fn(async () => ({ items: [`r${++round}`], nextCursor: null }))
    render(<Records fetchPage={fetchPage} />)
    await act(settle)
    expect(screen.getByText('r1')).toBeTruthy()
    act(() => invalidate('objections'))
    expect(screen.getByText('r1')).toBeTruthy()
    await act(settle)
    expect(screen.getByText('r2')).toBeTruthy()
    expect(fetchPage).toHaveBeenLastCalledWith(null)
  })

  it('when another topic is invalidated, then it does not reload', async () => {
    const fetchPage = jest.fn(async () => ({ items: ['r'], nextCursor: null }))
    render(<Records fetchPage={fetchPage} />)
    await act(settle)
    act(() => invalidate('vouchers'))
    await act(settle)
    expect(fetchPage).toHaveBeenCalledTimes(1)
  })
})
