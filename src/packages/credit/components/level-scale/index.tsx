// The level scale from the policy module (LEVELS), lowest to highest, with where the subject is.
// Segments are of equal width so the narrow levels stay readable; the marker sits inside its
// level's segment in proportion to the score within that level's range.
import { Text, View } from '@tarojs/components'
import { SCORE_MIN, type LevelName } from '../../../../domain/policy'
import { levelColor, levelRanges } from '../../../../features/credit/labels'
import './index.scss'

export function markerPercent(score: number, ascending: { min: number; max: number }[]): number {
  const i = Math.max(0, ascending.findIndex((r) => score >= r.min && score <= r.max))
  const r = ascending[i]
  const within = r.max > r.min ? (score - r.min) / (r.max - r.min) : 0.5
  return Math.round(((i + Math.min(1, Math.max(0, within))) / ascending.length) * 1000) / 10
}

export default function LevelScale({ score, level }: { score: number; level: LevelName }) {
  const ascending = [...levelRanges()].reverse()
  const left = markerPercent(score, ascending)
  return (
    <View className='scale' role='img' aria-label={`信用等级由低到高：${ascending.map((r) => `${r.name} ${r.min} 至 ${r.max} 分`).join('，')}；您的 ${score} 分为${level}`}>
      <View className='scale-marker-row'>
        <View className='scale-marker' style={{ left: `${left}%` }}>
          <Text className='scale-marker-text' style={{ background: levelColor(level) }}>
            {score}
          </Text>
          <View className='scale-marker-arrow' style={{ borderTopColor: levelColor(level) }} />
        </View>
      </View>
      <View className='scale-bar'>
        {ascending.map((r) => (
          <View key={r.name} className='scale-segment' style={{ background: levelColor(r.name), opacity: r.name === level ? 1 : 0.35 }} />
        ))}
      </View>
      <View className='scale-labels'>
        {ascending.map((r) => (
          <View key={r.name} className={`scale-label ${r.name === level ? 'scale-label-on' : ''}`}>
            <Text className='scale-label-name' style={r.name === level ? { color: levelColor(r.name) } : undefined}>
              {r.name}
            </Text>
            <Text className='scale-label-range'>{r.min === SCORE_MIN ? `<${r.max + 1}` : `≥${r.min}`}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
