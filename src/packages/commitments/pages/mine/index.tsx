// 我的承诺: the acting subject's commitments, newest first, paged; each opens its receipt.
import { Text, View } from '@tarojs/components'
import { useReachBottom } from '@tarojs/taro'
import { useEffect } from 'react'
import ActionButton from '../../../../components/action-button'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { usePaged } from '../../../../features/commitments/use-paged'
import { openPage, routes } from '../../../../platform/navigation'
import { fetchMyCommitments, type Commitment } from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import CommitmentItem from '../../components/commitment-item'
import PagedFooter from '../../components/paged-footer'
import SubjectSwitcher from '../../components/subject-switcher'
import './index.scss'

export default function MyCommitmentsPage() {
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const actingFor = useAuthStore((s) => s.actingFor)
  const list = usePaged<Commitment>()
  const { load, clear } = list

  useEffect(() => {
    if (loggedIn) void load((cursor) => fetchMyCommitments(cursor))
    else clear()
  }, [loggedIn, actingFor, load, clear])

  useReachBottom(() => void list.loadMore())

  if (!loggedIn) {
    return (
      <View className='page'>
        <View className='card'>
          <Text className='section-title'>登录后查看我的承诺</Text>
          <ActionButton onClick={() => openPage(routes.login)}>登录 / 注册</ActionButton>
        </View>
      </View>
    )
  }

  return (
    <View className='page'>
      <SubjectSwitcher verb='查看' />

      {list.error && list.items.length === 0 && (
        <View className='card'>
          <View className='form-error' role='alert'>
            {list.error}
          </View>
          <ActionButton kind='secondary' onClick={() => void load((cursor) => fetchMyCommitments(cursor))}>
            重新加载
          </ActionButton>
        </View>
      )}
      {!list.loaded && !list.error && (
        <View className='card'>
          <Text className='muted'>正在加载…</Text>
        </View>
      )}
      {list.loaded && list.items.length === 0 && (
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
      <PagedFooter hasMore={list.hasMore} loading={list.loading} error={list.error} count={list.items.length} onMore={() => void list.loadMore()} />
    </View>
  )
}
