// Page addresses of the objection pages: the citizen's in the credit subpackage, the officer's in
// the officer subpackage (the server's messages and reminders link to the same two case pages).
import { routes } from '../../platform/navigation'

const credit = '/packages/credit/pages'
const officer = '/packages/officer/pages'

export const objectionRoutes = {
  mine: routes.myObjections,
  /** the outbox appends the new objection's id */
  detailPrefix: `${credit}/objection/index?id=`,
  detail: (id: string) => `${credit}/objection/index?id=${encodeURIComponent(id)}`,
  file: (recordId: string) => `${credit}/objection-new/index?recordId=${encodeURIComponent(recordId)}`,
} as const

export const officerRoutes = {
  home: routes.officer,
  objections: `${officer}/objections/index`,
  objection: (id: string) => `${officer}/objection/index?id=${encodeURIComponent(id)}`,
} as const
