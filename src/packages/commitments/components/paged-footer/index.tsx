// The end of a paged list: 加载更多, a loading line, the end, or why the next page failed.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import './index.scss'

interface Props {
  hasMore: boolean
  loading: boolean
  error: string | null
  count: number
  onMore(): void
}

export default function PagedFooter({ hasMore, loading, error, count, onMore }: Props) {
  if (count === 0 && !hasMore) return null
  return (
    <View className='paged-footer'>
      {error && count > 0 && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      {hasMore ? (
        <ActionButton kind='secondary' disabled={loading} onClick={onMore}>
          {loading ? '正在加载…' : '加载更多'}
        </ActionButton>
      ) : (
        <Text className='muted paged-end'>已显示全部 {count} 条</Text>
      )}
    </View>
  )
}
