// The officer's 工作台: one line per kind of case. Another case kind adds its line here with the
// page of its queue and how to count what waits in it (the first page of the open cases).
import { caseRoutes } from '../../features/cases/routes'
import { officerRoutes } from '../../features/objections/routes'
import { repairRoutes } from '../../features/repair/routes'
import { fetchRegistrationQueue, fetchReportQueue } from '../../services/cases-api'
import { fetchOfficerQueue } from '../../services/objections-api'
import { fetchRepairQueue } from '../../services/repairs-api'
import certificateIcon from '../../assets/icons/certificate.svg'
import objectionIcon from '../../assets/icons/objection.svg'
import repairIcon from '../../assets/icons/repair.svg'
import warningIcon from '../../assets/icons/warning.svg'

const tally = (items: { overdue: boolean }[]) => ({ open: items.length, overdue: items.filter((o) => o.overdue).length })

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
      return tally(items)
    },
  },
  {
    id: 'repairs',
    title: '信用修复',
    description: '修复申请：核实履行证明、承诺书和公益时长，准予或不予修复',
    icon: repairIcon,
    url: repairRoutes.officerQueue,
    count: async () => tally((await fetchRepairQueue('审核中')).items),
  },
  {
    id: 'dishonesty-reports',
    title: '失信举报',
    description: '市民对企业失信行为的举报：受理、核查、办结答复',
    icon: warningIcon,
    url: caseRoutes.officerReports,
    count: async () => tally((await fetchReportQueue(undefined)).items.filter((r) => r.status !== '已办结')),
  },
  {
    id: 'registrations',
    title: '自愿注册',
    description: '主体自愿提交的守信信息：核验后成为信用记录',
    icon: certificateIcon,
    url: caseRoutes.officerRegistrations,
    count: async () => tally((await fetchRegistrationQueue('已提交')).items),
  },
]
