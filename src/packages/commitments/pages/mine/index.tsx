// 我的承诺: the acting subject's commitments, newest first, paged; each opens its receipt.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchMyCommitments, type Commitment } from '../../../../services/commitments-api'
import CommitmentItem from '../../components/commitment-item'
import SubjectSwitcher from '../../components/subject-switcher'
import './index.scss'

const gate = { login: true } as const

export default function MyCommitmentsPage() {
  const { scope } = useGate(gate)
  const list = useCursorQuery<Commitment>(scope && `my-commitments|${scope}`, fetchMyCommitments, { topics: ['commitments'] })
  return (
    <PageShell
      name='my-commitments'
      gate={gate}
      what='查看我的承诺'
      top={<SubjectSwitcher verb='查看' />}
      query={list}
      skeleton={{ cards: 2, label: '正在加载我的承诺' }}
      errorTitle='我的承诺加载失败'
      empty={
        <View className='card'>
          <Text className='section-title'>还没有签署过信用承诺</Text>
          <Text className='muted'>在“信用承诺”中选择承诺书，阅读全文后手写签名即可签署。</Text>
          <ActionButton className='cm-mine-go' onClick={() => openPage(commitmentRoutes.home)}>
            去签署承诺
          </ActionButton>
        </View>
      }
    >
      {(items) => items.map((c) => <CommitmentItem key={c.id} item={c} action='查看回执' onOpen={() => openPage(commitmentRoutes.receipt(c.id))} />)}
    </PageShell>
  )
}
