// One 公益任务 in a list or at the top of a page: what, who, when, where, seats and hours.
import { Text, View } from '@tarojs/components'
import { Fragment } from 'react'
import { formatChinaDateTime } from '../../../../domain/dates'
import { hoursText, taskTimeFields } from '../../format'

export interface TaskCardTask {
  title: string
  organization: string
  place: string
  startAt: string
  endAt: string
  capacity: number
  booked: number
  hours: number
}

/** 时间：… with each field unbreakable, so large type (长辈模式) wraps between fields, never inside "09:00". */
export function TaskTime({ startAt, endAt }: { startAt: string; endAt: string }) {
  return (
    <Text className='ps-task-line'>
      时间：
      {taskTimeFields(startAt, endAt).map((f, i) => (
        <Fragment key={i}>
          {i > 0 && ' '}
          <Text className='ps-nowrap'>{f}</Text>
        </Fragment>
      ))}
    </Text>
  )
}

/** "2026-12-01 04:52" as two unbreakable fields: large type wraps between the date and the time only. */
export function DateTime({ iso }: { iso: string }) {
  const [date, time] = formatChinaDateTime(iso).split(' ')
  return (
    <>
      <Text className='ps-nowrap'>{date}</Text> <Text className='ps-nowrap'>{time}</Text>
    </>
  )
}

export default function TaskCard({ task, tag, onOpen }: { task: TaskCardTask; tag?: { text: string; className: string } | null; onOpen?: () => void }) {
  const left = Math.max(0, task.capacity - task.booked)
  return (
    <View className='card ps-task' role={onOpen ? 'link' : undefined} onClick={onOpen}>
      <View className='ps-task-head'>
        <Text className='ps-task-title'>{task.title}</Text>
        {tag && <Text className={`tag ${tag.className}`}>{tag.text}</Text>}
      </View>
      <Text className='ps-task-org'>{task.organization}</Text>
      <TaskTime startAt={task.startAt} endAt={task.endAt} />
      <Text className='ps-task-line'>地点：{task.place}</Text>
      <View className='ps-task-foot'>
        <Text className='ps-task-hours'>计 {hoursText(task.hours)}</Text>
        <Text className={`ps-task-seats ${left === 0 ? 'ps-task-full' : ''}`}>{left === 0 ? `名额已满（${task.capacity} 人）` : `剩余 ${left} / ${task.capacity} 个名额`}</Text>
      </View>
    </View>
  )
}
