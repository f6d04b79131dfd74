import { MIN_INK_LENGTH, StrokeTracker } from './stroke'

describe('pen strokes', () => {
  it('when the pen is not down, then moves draw nothing', () => {
    const t = new StrokeTracker()
    expect(t.move({ x: 10, y: 10 })).toBeNull()
    expect(t.length).toBe(0)
  })

  it('draws from the last point and counts the travel; a tap or a scratch is not a signature', () => {
    const t = new StrokeTracker()
    t.start({ x: 0, y: 0 })
    expect(t.move({ x: 3, y: 4 })).toEqual([{ x: 0, y: 0 }, { x: 3, y: 4 }])
    expect(t.move({ x: 3.2, y: 4 })).toBeNull()
    t.end()
    expect(t.length).toBe(5)
    expect(t.hasInk).toBe(false)

    t.start({ x: 0, y: 50 })
    t.move({ x: MIN_INK_LENGTH, y: 50 })
    t.end()
    expect(t.hasInk).toBe(true)
    t.clear()
    expect(t.hasInk).toBe(false)
  })
})
