// Page addresses of the 信用修复 subpackage (packages/repair) and the officer's repair pages.
import { routes } from '../../platform/navigation'

const root = '/packages/repair/pages'
const officer = '/packages/officer/pages'

export const repairRoutes = {
  planner: routes.repairPlanner,
  apply: (recordId?: string) => `${root}/apply/index${recordId ? `?recordId=${encodeURIComponent(recordId)}` : ''}`,
  applications: `${root}/applications/index`,
  application: (id: string) => `${root}/application/index?id=${encodeURIComponent(id)}`,
  officerQueue: `${officer}/repairs/index`,
  officerCase: (id: string) => `${officer}/repair/index?id=${encodeURIComponent(id)}`,
} as const
