// The last 12 months as CSS bars (no chart library, no canvas): one view per month, so it costs a
// few hundred bytes of setData. The axis starts near the lowest score so small changes show — and
// says so beside the bars and in the caption, so a small change does not look like a fall; a
// legend names the level colours;
// scores are written above the last bar and wherever the score changed, never on two neighbouring
// bars (a label is wider than a bar: "740740").
import { Text, View } from '@tarojs/components'
import { LEVELS, SCORE_MAX, SCORE_MIN } from '../../../../domain/policy'
import { levelColor } from '../../../../features/credit/labels'
import { monthLabel } from '../../../../features/credit/format'
import type { ScoreMonth } from '../../../../services/types'
import './index.scss'

const STEP = 50

/** the score range the bars span: a margin of one step around the data, on the scale */
export function chartRange(scores: number[]): { low: number; high: number } {
  const low = Math.max(SCORE_MIN, Math.floor((Math.min(...scores) - STEP) / STEP) * STEP)
  const high = Math.min(SCORE_MAX, Math.ceil((Math.max(...scores) + STEP / 2) / STEP) * STEP)
  return { low, high: high > low ? high : low + STEP }
}

/** Which bars carry their score: the last, then going back each change and the first, skipping
 *  any that would sit next to a label already placed. */
export function labelledBars(scores: number[]): Set<number> {
  const out = new Set<number>()
  let placed = Infinity
  for (let n = scores.length - 1; n >= 0; n--) {
    const wanted = n === scores.length - 1 || n === 0 || scores[n] !== scores[n - 1]
    if (wanted && placed - n >= 2) {
      out.add(n)
      placed = n
    }
  }
  return out
}

export default function ScoreHistory({ items }: { items: ScoreMonth[] }) {
  const { low, high } = chartRange(items.map((i) => i.score))
  const first = items[0]
  const last = items[items.length - 1]
  const labelled = labelledBars(items.map((i) => i.score))
  const levels = LEVELS.map((l) => l.name).filter((l) => items.some((i) => i.level === l))
  return (
    <View className='history'>
      <View className='history-body'>
        <View className='history-axis' aria-hidden='true'>
          <Text className='history-axis-label'>{high}</Text>
          <Text className='history-axis-label'>{low}</Text>
        </View>
        <View
          className='history-chart'
          role='img'
          aria-label={`近 ${items.length} 个月信用分：${items.map((i) => `${monthLabel(i.month, true)} ${i.score} 分`).join('，')}`}
        >
        {items.map((item, n) => {
          const height = Math.max(4, Math.round(((item.score - low) / (high - low)) * 100))
          return (
            <View key={item.month} className='history-col'>
              <View className='history-plot'>
                {labelled.has(n) && <Text className='history-value'>{item.score}</Text>}
                <View className='history-bar' style={{ height: `${height}%`, background: levelColor(item.level) }} />
              </View>
              <Text className={`history-month ${n === items.length - 1 ? 'history-month-now' : ''}`}>{Number(item.month.slice(5))}</Text>
            </View>
          )
        })}
      </View>
      </View>
      <View className='history-legend'>
        {levels.map((l) => (
          <View key={l} className='history-legend-item'>
            <View className='history-legend-swatch' style={{ background: levelColor(l) }} />
            <Text>{l}</Text>
          </View>
        ))}
      </View>
      <Text className='history-caption'>
        {monthLabel(first.month, true)} 至 {monthLabel(last.month, true)}，横轴为月份；纵轴从 {low} 分起（不是从 0 分起），柱高只反映变化
      </Text>
    </View>
  )
}
