// Grey placeholder cards while a page loads, shaped like what is coming.
import { View } from '@tarojs/components'

export default function Skeleton({ cards = 3, lines = 3, label = '正在加载' }: { cards?: number; lines?: number; label?: string }) {
  return (
    <View className='skeleton' role='status' aria-busy='true' aria-label={label}>
      {Array.from({ length: cards }, (_card, c) => (
        <View key={c} className='card skeleton-card'>
          {Array.from({ length: lines }, (_line, l) => (
            <View key={l} className={`skeleton-line skeleton-line-${l === 0 ? 'head' : l === lines - 1 ? 'short' : 'body'}`} />
          ))}
        </View>
      ))}
    </View>
  )
}
