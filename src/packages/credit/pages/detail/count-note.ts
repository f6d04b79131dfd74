// Whether a record counts in the score now, in words, from the overview (the server's own
// computation: every point is traceable to a record).
import { formatPoints } from '../../../../features/credit/format'
import type { Tone } from '../../../../features/credit/labels'
import type { CreditOverview, CreditRecord } from '../../../../services/types'

export interface CountNote {
  tone: Tone
  title: string
  detail: string
}

export function countNote(record: CreditRecord, overview: CreditOverview): CountNote {
  const factor = overview.factors.find((f) => f.recordId === record.id)
  if (factor) {
    return { tone: factor.points >= 0 ? 'ok' : 'danger', title: `计入信用评分 ${formatPoints(factor.points)} 分`, detail: factor.reason }
  }
  const suspended = overview.suspended.find((s) => s.recordId === record.id)
  if (suspended) return { tone: 'warn', title: '暂不计入信用评分', detail: suspended.reason }
  if (record.status === '公示中' && record.publicityStart > overview.asOf) {
    return { tone: 'muted', title: '尚未计入信用评分', detail: `公示期自 ${record.publicityStart} 开始` }
  }
  return { tone: 'muted', title: '不计入信用评分', detail: `记录${record.status === '公示中' ? '公示期已结束' : `状态为“${record.status}”`}，不再影响信用分` }
}
