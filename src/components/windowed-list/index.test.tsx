import { render, screen } from '@testing-library/react'
import { Text } from '@tarojs/components'
import WindowedList from '.'

describe('WindowedList', () => {
  it('outside the mini-program, renders every item in order, in chunks', () => {
    const items = Array.from({ length: 25 }, (_, n) => ({ id: `i${n}`, label: `第 ${n + 1} 项` }))
    const { container } = render(<WindowedList name='things' items={items} keyOf={(i) => i.id} renderItem={(i) => <Text>{i.label}</Text>} />)
    expect(screen.getByText('第 1 项')).toBeTruthy()
    expect(screen.getByText('第 25 项')).toBeTruthy()
    expect(container.querySelectorAll('.windowed-list-chunk')).toHaveLength(3)
    expect(container.querySelectorAll('.windowed-list-gap')).toHaveLength(0)
    expect(container.textContent).toBe(items.map((i) => i.label).join(''))
  })
})
