// Status words and their colours for reports and registrations (status by colour and words).
import type { DishonestyStatus, VoluntaryStatus } from '../../domain/cases'

export const REPORT_STATUS_TAG: Record<DishonestyStatus, string> = { 已提交: 'tag-muted', 已受理: 'tag-accent', 核查中: 'tag-warn', 已办结: 'tag-ok' }
export const REGISTRATION_STATUS_TAG: Record<VoluntaryStatus, string> = { 已提交: 'tag-warn', 已核验: 'tag-ok', 未通过: 'tag-danger' }
export const REGISTRATION_STATUS_TEXT: Record<VoluntaryStatus, string> = { 已提交: '核验中', 已核验: '已核验', 未通过: '未通过' }

/** '2026-11-30T06:02:00.000Z' → '2026-11-30 14:02' (China time). */
export function chinaTime(iso: string): string {
  const d = new Date(new Date(iso).getTime() + 8 * 3600_000)
  return d.toISOString().slice(0, 16).replace('T', ' ')
}
