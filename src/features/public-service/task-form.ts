// The organizer's publish form: the draft as typed, turned into the request body by the same rules
// the server applies (so most mistakes are said before anything is sent).
import { SERVICE_TASK_CAPACITY } from '../../domain/policy'
import { refuseTaskTimes, validHours } from '../../domain/public-service'
import type { TaskInput } from '../../contract/public-service'

const iso = (date: string, time: string) => `${date}T${time}:00+08:00`

export interface TaskDraft {
  title: string
  organization: string
  place: string
  description: string
  date: string
  start: string
  end: string
  deadlineDate: string
  deadlineTime: string
  capacity: string
  hours: string
}

/** The request body, or what is wrong in words. */
export function toTaskInput(d: TaskDraft, now = new Date()): { ok: true; input: TaskInput } | { ok: false; message: string } {
  for (const [label, v] of [['任务名称', d.title], ['组织单位', d.organization], ['服务地点', d.place], ['任务说明', d.description]] as const) {
    if (!v.trim()) return { ok: false, message: `请填写${label}` }
  }
  const capacity = Number(d.capacity)
  if (!Number.isInteger(capacity) || capacity < SERVICE_TASK_CAPACITY.min || capacity > SERVICE_TASK_CAPACITY.max) return { ok: false, message: `招募人数须为 ${SERVICE_TASK_CAPACITY.min}–${SERVICE_TASK_CAPACITY.max} 的整数` }
  const hours = Number(d.hours)
  if (!validHours(hours)) return { ok: false, message: '服务时长须在 0.5–24 小时之间，以 0.5 小时为单位' }
  const input: TaskInput = {
    title: d.title.trim(), organization: d.organization.trim(), place: d.place.trim(), description: d.description.trim(),
    startAt: iso(d.date, d.start), endAt: iso(d.date, d.end), signupDeadline: iso(d.deadlineDate, d.deadlineTime), capacity, hours,
  }
  const refusal = refuseTaskTimes(input, now)
  return refusal ? { ok: false, message: refusal } : { ok: true, input }
}

