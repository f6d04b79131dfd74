// The score on a dial, drawn with CSS only (a conic-gradient arc under a white disc), so it is the
// same in the mini-program and on H5 — no SVG element, no canvas, no chart library. The arc spans
// 270° from SCORE_MIN (bottom left) to SCORE_MAX (bottom right), in the colour of the level.
import { Text, View } from '@tarojs/components'
import { SCORE_MAX, SCORE_MIN, type LevelName } from '../../../../domain/policy'
import { levelColor } from '../../labels'
import './index.scss'

const SWEEP = 270
const START = 225
const TRACK = '#e9edf3'

/** degrees of the arc filled for a score, 0…SWEEP */
export function dialDegrees(score: number): number {
  const f = (Math.min(SCORE_MAX, Math.max(SCORE_MIN, score)) - SCORE_MIN) / (SCORE_MAX - SCORE_MIN)
  return Math.round(f * SWEEP * 10) / 10
}

export default function ScoreDial({ score, level, caption }: { score: number; level: LevelName; caption?: string }) {
  const deg = dialDegrees(score)
  const color = levelColor(level)
  const arc = `conic-gradient(from ${START}deg, ${color} 0deg ${deg}deg, ${TRACK} ${deg}deg ${SWEEP}deg, transparent ${SWEEP}deg 360deg)`
  return (
    <View className='dial' role='img' aria-label={`信用分 ${score} 分，等级${level}`}>
      <View className='dial-ring' style={{ background: arc }} />
      <View className='dial-marker' style={{ transform: `rotate(${START}deg)` }}>
        <View className='dial-cap' style={{ background: deg > 0 ? color : TRACK }} />
      </View>
      <View className='dial-marker' style={{ transform: `rotate(${START + SWEEP}deg)` }}>
        <View className='dial-cap' style={{ background: TRACK }} />
      </View>
      <View className='dial-marker' style={{ transform: `rotate(${START + deg}deg)` }}>
        <View className='dial-marker-dot' style={{ borderColor: color }} />
      </View>
      <View className='dial-face'>
        {caption && <Text className='dial-caption'>{caption}</Text>}
        <Text className='dial-score'>{score}</Text>
        <Text className='dial-level' style={{ color }}>
          {level}
        </Text>
      </View>
      <Text className='dial-end dial-end-min'>{SCORE_MIN}</Text>
      <Text className='dial-end dial-end-max'>{SCORE_MAX}</Text>
    </View>
  )
}
