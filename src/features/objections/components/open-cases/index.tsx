// The home page's reminder of open objections: which record, its state and due date; the record
// does not count while it is verified. Nothing when there is no open case (or it cannot load).
import { Text, View } from '@tarojs/components'
import { useQuery } from '../../../../hooks/use-query'
import { openPage } from '../../../../platform/navigation'
import { fetchMyObjections } from '../../../../services/objections-api'
import { dueLine, STATUS_TONES } from '../../labels'
import { objectionRoutes } from '../../routes'
import './index.scss'

export default function OpenObjections({ scope }: { scope: string | null }) {
  const remote = useQuery(scope ? `open-objections|${scope}` : null, async () => (await fetchMyObjections()).items.filter((o) => o.status !== '已办结'), { topics: ['objections'] })
  const open = remote.data ?? []
  if (open.length === 0) return null
  return (
    <View className='card open-cases' aria-label='办理中的异议'>
      <Text className='section-title open-cases-title'>{`办理中的异议（${open.length}）`}</Text>
      {open.map((o) => (
        <View key={o.id} className='open-case' role='link' onClick={() => openPage(objectionRoutes.detail(o.id))}>
          <View className='open-case-text'>
            <Text className='open-case-title'>{o.recordTitle ?? '信用记录'}</Text>
            <Text className={`open-case-due ${o.overdue ? 'open-case-late' : ''}`}>{`${dueLine(o)} · 核查期间暂不计分`}</Text>
          </View>
          <Text className={`tag tag-${STATUS_TONES[o.status]}`}>{o.status}</Text>
        </View>
      ))}
    </View>
  )
}
