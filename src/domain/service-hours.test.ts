import { hoursToNextPoint, SERVICE_HOUR_MAX_POINTS, serviceHourPoints } from './service-hours'

describe('points for public-service hours (diminishing returns)', () => {
  it.each([
    [0, 0],
    [-3, 0],
    [0.5, 0],
    [1, 1],
    [19.5, 19],
    [20, 20], // 1 point an hour up to 20 h
    [21, 20],
    [22, 21], // then 1 per 2 h
    [80, 50], // 20 + 60/2
    [83, 51], // then 1 per 3 h
    [200, 90], // 20 + 30 + 120/3
    [1000, 90], // capped
  ])('%d h → %d points', (hours, points) => {
    expect(serviceHourPoints(hours)).toBe(points)
  })

  it('never gives more than the cap and never decreases as hours grow', () => {
    expect(SERVICE_HOUR_MAX_POINTS).toBe(90)
    let last = 0
    for (let h = 0; h <= 260; h += 0.5) {
      const p = serviceHourPoints(h)
      expect(p).toBeGreaterThanOrEqual(last)
      last = p
    }
  })

  it('says how many more hours earn the next point', () => {
    expect(hoursToNextPoint(0)).toBe(1)
    expect(hoursToNextPoint(19.5)).toBe(0.5)
    expect(hoursToNextPoint(20)).toBe(2)
    expect(hoursToNextPoint(81)).toBe(2)
    expect(hoursToNextPoint(200)).toBeNull()
  })
})
