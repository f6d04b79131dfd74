import { taskTime } from './format'

describe('taskTime', () => {
  it('reads a task\'s times in China time: same day, the next day, later', () => {
    expect(taskTime('2026-12-02T01:00:00.000Z', '2026-12-02T04:00:00.000Z')).toBe('2026年12月2日 周三 09:00–12:00')
    expect(taskTime('2026-11-30T14:30:00.000Z', '2026-11-30T16:30:00.000Z')).toBe('2026年11月30日 周一 22:30–次日 00:30')
    expect(taskTime('2026-11-30T14:30:00.000Z', '2026-12-02T01:00:00.000Z')).toBe('2026年11月30日 周一 22:30–2026-12-02 09:00')
  })
})
