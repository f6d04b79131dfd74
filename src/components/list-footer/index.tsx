// The end of a paged list: loading more, a failed page with 点击重试, 加载更多 (also reached by
// scrolling), or the end with how many there are.
import { Text, View } from '@tarojs/components'

export interface ListFooterProps {
  loadingMore: boolean
  moreError: string | null
  hasMore: boolean
  /** said when every page is shown, e.g. 已显示全部 3 条记录 */
  endText: string
  onMore(): void
}

export default function ListFooter({ loadingMore, moreError, hasMore, endText, onMore }: ListFooterProps) {
  return (
    <View className='list-footer'>
      {loadingMore ? (
        <Text className='list-footer-text'>正在加载更多…</Text>
      ) : moreError ? (
        <View className='list-footer-text link' role='button' onClick={onMore}>
          加载失败：{moreError}，点击重试
        </View>
      ) : hasMore ? (
        <View className='list-footer-text link' role='button' onClick={onMore}>
          加载更多
        </View>
      ) : (
        <Text className='list-footer-text'>{endText}</Text>
      )}
    </View>
  )
}
