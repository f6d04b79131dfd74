// Publicity period of a record, derived from its class (never typed in by hand).
import { POSITIVE_PUBLICITY_MONTHS, PUBLICITY_RULES, type Severity } from './policy'

export function addMonths(ymd: string, months: number): string {
  const [y, m, d] = ymd.split('-').map(Number)
  const target = new Date(Date.UTC(y, m - 1 + months, 1))
  const lastDay = new Date(Date.UTC(target.getUTCFullYear(), target.getUTCMonth() + 1, 0)).getUTCDate()
  target.setUTCDate(Math.min(d, lastDay))
  return target.toISOString().slice(0, 10)
}

export function publicityEnd(polarity: 'positive' | 'negative', severity: Severity | null, publicityStart: string): string {
  const months = polarity === 'positive' || !severity ? POSITIVE_PUBLICITY_MONTHS : PUBLICITY_RULES[severity].maxMonths
  return addMonths(publicityStart, months)
}
