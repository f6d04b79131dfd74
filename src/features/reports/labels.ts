// How a report's state reads to the user: the words and the tag colour (status in colour and words).
import { addCalendarDays, formatChinaDate } from '../../domain/dates'
import { REPORT_VALID_DAYS } from '../../domain/policy'
import type { Report, ReportStatus } from '../../services/reports-api'

export const REPORT_STATUS: Record<ReportStatus, { label: string; tag: string }> = {
  pending: { label: '生成中', tag: 'tag-warn' },
  ready: { label: '已生成', tag: 'tag-ok' },
  failed: { label: '生成失败', tag: 'tag-danger' },
}

/** The last day a ready report is valid (China date), as the PDF states it. */
export const validUntil = (r: Pick<Report, 'readyAt'>) => (r.readyAt ? addCalendarDays(formatChinaDate(r.readyAt), REPORT_VALID_DAYS) : null)

/** '2026-11-30 至 2026-11-30' for a 专项信用报告's period. */
export const periodText = (r: Pick<Report, 'params'>) => (r.params.from && r.params.to ? `${r.params.from} 至 ${r.params.to}` : null)

/** '2026年11月30日' for 'YYYY-MM-DD' (as the report prints dates). */
export const ymdText = (ymd: string) => (/^\d{4}-\d{2}-\d{2}$/.test(ymd) ? `${Number(ymd.slice(0, 4))}年${Number(ymd.slice(5, 7))}月${Number(ymd.slice(8, 10))}日` : ymd)
