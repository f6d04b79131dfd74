// 公益任务: open tasks soonest first, grouped by day, with a day filter; quick links to 我的预约,
// 扫码签到, 兑换时长码 and 我的公益时长. A booking or cancellation elsewhere refreshes it ('service').
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { addCalendarDays, chinaDate, formatLongDate } from '../../../../domain/dates'
import TaskCard from '../../../../features/public-service/components/task-card'
import { dayOf, STAGE_TONES } from '../../../../features/public-service/format'
import { serviceRoutes } from '../../../../features/public-service/routes'
import { useCursorQuery } from '../../../../hooks/use-cursor-list'
import { useGate } from '../../../../hooks/use-gate'
import { openPage } from '../../../../platform/navigation'
import { fetchTasks, type ServiceTask } from '../../../../services/public-service-api'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../../styles.scss'

const DAYS = 14
const gate = { realName: true } as const

function Filters({ date, onChange }: { date: string | null; onChange: (d: string | null) => void }) {
  const today = chinaDate()
  const days = Array.from({ length: DAYS }, (_, i) => addCalendarDays(today, i))
  return (
    <>
      <View className='ps-actions'>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.bookings)}>我的预约</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.scan)}>扫码签到 / 签退</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.redeem)}>兑换时长码</ActionButton>
        <ActionButton small kind='secondary' className='ps-action' onClick={() => openPage(serviceRoutes.hours)}>我的公益时长</ActionButton>
      </View>
      <View className='ps-chips' role='radiogroup' aria-label='按日期筛选'>
        <View className={`ps-chip ${date === null ? 'ps-chip-on' : ''}`} role='radio' aria-checked={date === null} onClick={() => onChange(null)}>
          <Text>全部</Text>
        </View>
        {days.map((d) => (
          <View key={d} className={`ps-chip ${date === d ? 'ps-chip-on' : ''}`} role='radio' aria-checked={date === d} onClick={() => onChange(d)}>
            <Text>{d === today ? '今天' : formatLongDate(d).replace(/^\d+年/, '')}</Text>
          </View>
        ))}
      </View>
    </>
  )
}

function TaskList({ items }: { items: ServiceTask[] }) {
  let lastDay = ''
  return (
    <>
      {items.map((t) => {
        const day = dayOf(t.startAt)
        const header = day !== lastDay ? <Text className='ps-day'>{formatLongDate(day)}</Text> : null
        lastDay = day
        const tag = t.myBooking ? { text: t.myBooking.stageLabel, className: STAGE_TONES[t.myBooking.stage] } : !t.open ? { text: '不可报名', className: 'tag-muted' } : null
        return (
          <View key={t.id}>
            {header}
            <TaskCard task={t} tag={tag} onOpen={() => openPage(serviceRoutes.task(t.id))} />
          </View>
        )
      })}
    </>
  )
}

export default function TasksPage() {
  const { scope } = useGate(gate)
  const [date, setDate] = useState<string | null>(null)
  const list = useCursorQuery<ServiceTask>(scope && `service-tasks|${scope}|${date ?? ''}`, (cursor) => fetchTasks(date, cursor), { topics: ['service'] })
  return (
    <PageShell
      name='ps-tasks'
      gate={gate}
      what='报名公益任务'
      top={<Filters date={date} onChange={setDate} />}
      query={list}
      skeleton={{ cards: 3, lines: 4, label: '正在加载公益任务' }}
      errorTitle='公益任务暂时无法加载'
      empty={{
        icon: inboxIcon,
        title: date ? `${formatLongDate(date)}没有可报名的公益任务` : '暂时没有可报名的公益任务',
        description: '组织方发布新任务后会显示在这里，也可以选择其他日期看看。',
      }}
      endText={(n) => `已显示全部 ${n} 个任务`}
    >
      {(items) => <TaskList items={items} />}
    </PageShell>
  )
}
