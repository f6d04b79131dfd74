// 自愿注册: what the acting subject (the user, or the enterprise it acts for) registered, newest
// first, each with its state: 核验中, 已核验 (now a record), 未通过 (with reasons).
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchMyRegistrations, type VoluntaryRegistration } from '../../../../services/cases-api'
import '../../cases.scss'

const gate = { login: true } as const

export default function MyRegistrationsPage() {
  const { scope, enterprise } = useGate(gate)
  const list = useCursorQuery<VoluntaryRegistration>(scope && `registrations|${scope}`, fetchMyRegistrations, { topics: ['cases'] })
  const top = (
    <ActionButton className='cases-item' onClick={() => openPage(caseRoutes.registrationForm)}>
      {enterprise ? '为企业登记守信信息' : '登记守信信息'}
    </ActionButton>
  )
  return (
    <PageShell
      name='cases'
      gate={gate}
      what='查看自愿注册的信息'
      query={list}
      top={top}
      skeleton={{ cards: 3, lines: 2, label: '正在加载' }}
      errorTitle='加载失败'
      empty={{ title: '还没有自愿注册的信息', description: '资质资格、市场经营、合同履约、公益慈善等守信信息，经核验后计入信用记录。' }}
      endText={(n) => `已显示全部 ${n} 项`}
    >
      {(items) =>
        items.map((r) => (
          <View key={r.id} className='card cases-item' role='link' onClick={() => openPage(caseRoutes.registration(r.id))}>
            <View className='cases-head'>
              <Text className='cases-title'>{r.title}</Text>
              <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
            </View>
            <Text className='cases-item-meta'>
              {r.categoryLabel} · {chinaTime(r.filedAt)} 提交
            </Text>
            {r.dueDate && <Text className='cases-item-meta'>{r.dueDate} 前完成核验</Text>}
            {r.status === '已核验' && <Text className='cases-item-meta'>已计入信用记录</Text>}
            {r.status === '未通过' && r.reasons && <Text className='cases-item-meta'>未通过：{r.reasons}</Text>}
          </View>
        ))
      }
    </PageShell>
  )
}
