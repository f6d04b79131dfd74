// Splits running text into the pieces a line may not break inside: dates, times, amounts and
// counts with their unit ("2029-10-01", "320 小时", "+60 分"). Large type (长辈模式) used to break
// "2029-10-0 / 1" at the hyphen; the rest of the text wraps as usual.
export interface Piece {
  text: string
  keep: boolean
}

const UNIT = '(?:\\s?(?:小时|分钟|个月|年|月|日|天|分|条|次|元|号|件|项|人|岁|%))?'
const TOKEN = new RegExp(`[+\\-−]?\\d[\\d,.:/\\-]*\\d${UNIT}|[+\\-−]?\\d${UNIT}`, 'g')

export function splitUnbreakable(text: string): Piece[] {
  const pieces: Piece[] = []
  let at = 0
  for (const m of text.matchAll(TOKEN)) {
    const start = m.index ?? 0
    if (start > at) pieces.push({ text: text.slice(at, start), keep: false })
    pieces.push({ text: m[0], keep: true })
    at = start + m[0].length
  }
  if (at < text.length) pieces.push({ text: text.slice(at), keep: false })
  return pieces
}
