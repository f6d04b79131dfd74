import { act, fireEvent, render, screen } from '@testing-library/react'
import { usePreferencesStore } from '../../../../stores/preferences'
import type { RecordFilter } from '../../../../services/types'
import RecordFilters from '.'

const scrollOf = (name: string) => screen.getByRole('radiogroup', { name }).closest('.filters-scroll') as HTMLElement | null

afterEach(() => act(() => usePreferencesStore.setState({ elderly: false })))

describe('record filters', () => {
  it('when chips run past the edge, then a fade shows there until the row is scrolled to its end, and returns at the start', () => {
    render(<RecordFilters filter={{}} onChange={() => undefined} />)
    expect(screen.getByTestId('filters-fade-类别')).toBeTruthy()
    expect(screen.getByTestId('filters-fade-状态')).toBeTruthy()

    act(() => void scrollOf('类别')!.dispatchEvent(new CustomEvent('scrolltolower')))
    expect(screen.queryByTestId('filters-fade-类别')).toBeNull()
    expect(screen.getByTestId('filters-fade-状态')).toBeTruthy()

    act(() => void scrollOf('类别')!.dispatchEvent(new CustomEvent('scrolltoupper')))
    expect(screen.getByTestId('filters-fade-类别')).toBeTruthy()
  })

  it('in 长辈模式, then every chip is on the page in wrapping rows (no sideways scroll) and still filters', () => {
    act(() => usePreferencesStore.setState({ elderly: true }))
    const onChange = jest.fn<void, [RecordFilter]>()
    render(<RecordFilters filter={{}} onChange={onChange} />)
    expect(scrollOf('类别')).toBeNull()
    expect(screen.queryByTestId('filters-fade-类别')).toBeNull()
    expect(screen.getByRole('radiogroup', { name: '类别' }).className).toContain('filters-chips-wrap')
    fireEvent.click(screen.getByRole('radio', { name: '状态：已修复' }))
    expect(onChange).toHaveBeenCalledWith({ status: '已修复' })
  })
})
