// Page addresses of the 公益服务 (citizen) and 公益组织者 (organizer) subpackages.
const q = (url: string, id: string) => `${url}?id=${encodeURIComponent(id)}`

export const serviceRoutes = {
  tasks: '/packages/public-service/pages/tasks/index',
  task: (id: string) => q('/packages/public-service/pages/task/index', id),
  bookings: '/packages/public-service/pages/bookings/index',
  scan: '/packages/public-service/pages/scan/index',
  redeem: '/packages/public-service/pages/redeem/index',
  hours: '/packages/public-service/pages/hours/index',
}

export const organizerRoutes = {
  tasks: '/packages/organizer/pages/tasks/index',
  publish: '/packages/organizer/pages/publish/index',
  task: (id: string) => q('/packages/organizer/pages/task/index', id),
  siteCode: (id: string) => q('/packages/organizer/pages/site-code/index', id),
  hourCode: '/packages/organizer/pages/hour-code/index',
}
