// The last 12 months as CSS bars (no chart library, no canvas): one view per month, so it costs a
// few hundred bytes of setData. The axis starts near the lowest score so small changes show;
// scores are written above the first and last bar and wherever the score changed.
import { Text, View } from '@tarojs/components'
import { SCORE_MAX, SCORE_MIN } from '../../../../domain/policy'
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

export default function ScoreHistory({ items }: { items: ScoreMonth[] }) {
  const { low, high } = chartRange(items.map((i) => i.score))
  const first = items[0]
  const last = items[items.length - 1]
  return (
    <View className='history'>
      <View
        className='history-chart'
        role='img'
        aria-label={`近 ${items.length} 个月信用分：${items.map((i) => `${monthLabel(i.month, true)} ${i.score} 分`).join('，')}`}
      >
        {items.map((item, n) => {
          const labelled = n === 0 || n === items.length - 1 || item.score !== items[n - 1].score
          const height = Math.max(4, Math.round(((item.score - low) / (high - low)) * 100))
          return (
            <View key={item.month} className='history-col'>
              <View className='history-plot'>
                {labelled && <Text className='history-value'>{item.score}</Text>}
                <View className='history-bar' style={{ height: `${height}%`, background: levelColor(item.level) }} />
              </View>
              <Text className={`history-month ${n === items.length - 1 ? 'history-month-now' : ''}`}>{Number(item.month.slice(5))}</Text>
            </View>
          )
        })}
      </View>
      <Text className='history-caption'>
        {monthLabel(first.month, true)} 至 {monthLabel(last.month, true)}，横轴为月份，纵轴自 {low} 分起
      </Text>
    </View>
  )
}
