// The officer's 工作台: one line per kind of case. Another case kind (信用修复, 失信举报, 自愿注册)
// adds its line here with the page of its queue and how to count what waits in it.
import { officerRoutes } from '../../features/objections/routes'
import { fetchOfficerQueue } from '../../services/objections-api'
import objectionIcon from '../../assets/icons/objection.svg'

export interface CaseQueue {
  id: string
  title: string
  description: string
  icon: string
  url: string
  /** open cases and how many of them are overdue */
  count(): Promise<{ open: number; overdue: number }>
}

export const CASE_QUEUES: CaseQueue[] = [
  {
    id: 'objections',
    title: '异议',
    description: '信用主体对记录提出的异议：受理、转办、作出决定',
    icon: objectionIcon,
    url: officerRoutes.objections,
    count: async () => {
      const { items } = await fetchOfficerQueue()
      return { open: items.length, overdue: items.filter((o) => o.overdue).length }
    },
  },
]
