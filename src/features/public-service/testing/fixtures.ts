// 公益服务 answers as the server sends them, for the page tests.
import type { HoursSummary, ServiceTask } from '../../../contract/public-service'

export function task(over: Partial<ServiceTask> = {}): ServiceTask {
  return {
    id: 'task-hubin-cleanup', title: '湖滨步行街环境清洁', organization: '杭州市志愿者协会', place: '上城区湖滨步行街（东坡路口集合）',
    description: '清理步行街及湖滨公园沿线的垃圾和小广告。', startAt: '2026-12-02T01:00:00.000Z', endAt: '2026-12-02T04:00:00.000Z',
    signupDeadline: '2026-12-01T01:00:00.000Z', capacity: 20, booked: 19, hours: 3, open: true, closedReason: null,
    checkIn: { opens: '2026-12-02T00:30:00.000Z', closes: '2026-12-02T04:00:00.000Z' }, checkOut: { opens: '2026-12-02T01:00:00.000Z', closes: '2026-12-02T05:00:00.000Z' },
    cancelled: null, myBooking: null, ...over,
  }
}

export function hours(over: Partial<HoursSummary> = {}): HoursSummary {
  return {
    total: 7, points: 7, maxPoints: 60, hoursToNextPoint: 1, nextCursor: null,
    items: [
      { id: 'h2', source: 'hour_code', sourceLabel: '时长码兑换', hours: 4, title: '线上课业辅导（11 月）', organization: '杭州市志愿者协会', creditedAt: '2026-11-28T06:00:00.000Z', correctedAt: null },
      { id: 'h1', source: 'attendance', sourceLabel: '参加公益任务', hours: 3, title: '湖滨步行街环境清洁', organization: '杭州市志愿者协会', creditedAt: '2026-11-20T05:00:00.000Z', correctedAt: '2026-11-21T02:00:00.000Z' },
    ],
    ...over,
  }
}
