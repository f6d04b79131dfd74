// 我的承诺: the acting subject's commitments, newest first, paged; each opens its receipt.
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import ListFooter from '../../../../components/list-footer'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { useCursorList } from '../../../../hooks/use-cursor-list'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyCommitments, type Commitment } from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import CommitmentItem from '../../components/commitment-item'
import SubjectSwitcher from '../../components/subject-switcher'
import { usePageClass } from '../../../../hooks/use-page-class'
import './index.scss'

export default function MyCommitmentsPage() {
  const pageClass = usePageClass()
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const actingFor = useAuthStore((s) => s.actingFor)
  const list = useCursorList<Commitment>(loggedIn ? `mine|${actingFor ?? ''}` : null, fetchMyCommitments)

  useReachBottom(() => void list.loadMore())

  if (!loggedIn) {
    return (
      <View className={pageClass}>
        <View className='card'>
          <Text className='section-title'>登录后查看我的承诺</Text>
          <ActionButton onClick={() => openPage(routes.login)}>登录 / 注册</ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View className={pageClass}>
      <SubjectSwitcher verb='查看' />

      {list.status === 'error' && (
        <View className='card'>
          <View className='form-error' role='alert'>
            {list.error}
          </View>
          <ActionButton kind='secondary' onClick={() => void list.refresh()}>
            重新加载
          </ActionButton>
        </View>
      )}
      {list.status === 'loading' && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.status === 'ready' && list.items.length === 0 && (
        <View className='card'>
          <Text className='section-title'>还没有签署过信用承诺</Text>
          <Text className='muted'>在“信用承诺”中选择承诺书，阅读全文后手写签名即可签署。</Text>
          <ActionButton className='cm-mine-go' onClick={() => openPage(commitmentRoutes.home)}>
            去签署承诺
          </ActionButton>
        </View>
      )}
      {list.items.map((c) => (
        <CommitmentItem key={c.id} item={c} action='查看回执' onOpen={() => openPage(commitmentRoutes.receipt(c.id))} />
      ))}
      {list.items.length > 0 && (
        <ListFooter hasMore={list.hasMore} loadingMore={list.loadingMore} moreError={list.moreError} endText={`已显示全部 ${list.items.length} 条`} onMore={() => void list.loadMore()} />
      )}
    </View>
  )
}
