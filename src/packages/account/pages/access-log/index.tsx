// 查询记录: who read the subject's credit record, when and why (DESIGN §3 Access log). Every read
// by anyone but the subject is logged by the server; readers arrive already masked.
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import PageShell from '../../../../components/page-shell'
import { formatDateTime } from '../../../../features/credit/format'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { fetchAccessLog } from '../../../../services/credit-api'
import accessLogIcon from '../../../../assets/icons/access-log.svg'
import './index.scss'

const gate = { realName: true } as const

export default function AccessLogPage() {
  const { scope, enterprise } = useGate(gate)
  const list = useCursorQuery(scope && `access-log|${scope}`, fetchAccessLog, { topics: ['credit'] })
  const whose = enterprise ? '该企业' : '您'

  const intro = (
    <View className='card access-intro'>
      <View className='access-intro-icon'>
        <Icon className='access-intro-img' src={accessLogIcon} />
      </View>
      <View className='access-intro-text'>
        <Text className='access-intro-title'>谁查看过{enterprise ? '企业' : '我'}的信用</Text>
        <Text className='access-lead'>除{whose}本人外，政府部门、合作机构等查询{whose}的信用信息时都会留下记录：查询方、时间和用途。</Text>
      </View>
    </View>
  )

  return (
    <PageShell
      name='access-log'
      gate={gate}
      subject
      top={intro}
      query={list}
      skeleton={{ cards: 2, label: '正在加载查询记录' }}
      errorTitle='查询记录加载失败'
      empty={{ icon: accessLogIcon, title: `暂无他人查询${whose}的信用记录`, description: '有人查询时，这里会显示查询方、时间和用途。' }}
      endText={(n) => `共 ${n} 条查询记录`}
    >
      {(items) => (
        <View className='card access-list'>
          {items.map((a) => (
            <View key={a.id} className='access-item'>
              <View className='access-head'>
                <Text className='access-reader'>{a.reader}</Text>
                <Text className='tag tag-muted'>{a.readerKind}</Text>
              </View>
              <Text className='access-purpose'>用途：{a.purpose}</Text>
              <Text className='access-time'>{formatDateTime(a.at)}</Text>
            </View>
          ))}
        </View>
      )}
    </PageShell>
  )
}
