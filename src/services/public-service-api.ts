// 公益服务 calls: tasks, bookings, 我的公益时长 (citizen) and the organizer's workbench. Types come
// from the contract with `import type` (zod stays out of the bundle); every write goes through the
// outbox (features/public-service/submit.ts) with the URLs below.
import type {
  AttendanceResult, HoursSummary, OrganizerTask, Page, ServiceBooking, ServiceTask, SiteCode, TaskAttendee, TaskAttendees, TaskInput,
} from '../contract/public-service'
import { apiGet } from './http'

export type { AttendanceResult, HoursSummary, OrganizerTask, ServiceBooking, ServiceTask, SiteCode, TaskAttendee, TaskInput }
export type { BookingStage, HourCodeIssued, HourCodeRedeemed, HoursEntry, TaskAttendees } from '../contract/public-service'

const id = (v: string) => encodeURIComponent(v)
const page = (cursor?: string | null, extra: Record<string, string> = {}) => ({ ...extra, ...(cursor ? { cursor } : {}) })

export const fetchTasks = (date: string | null, cursor?: string | null) => apiGet<Page<ServiceTask>>('/public-service/tasks', page(cursor, date ? { date } : {}))
export const fetchTask = (taskId: string) => apiGet<ServiceTask>(`/public-service/tasks/${id(taskId)}`)
export const fetchMyBookings = (cursor?: string | null) => apiGet<Page<ServiceBooking>>('/public-service/bookings', page(cursor))
export const fetchHours = (cursor?: string | null) => apiGet<HoursSummary>('/public-service/hours', page(cursor))

export const fetchOrganizerTasks = (cursor?: string | null) => apiGet<Page<OrganizerTask>>('/organizer/tasks', page(cursor))
export const fetchTaskAttendees = (taskId: string) => apiGet<TaskAttendees>(`/organizer/tasks/${id(taskId)}/bookings`)
export const fetchSiteCode = (taskId: string) => apiGet<SiteCode>(`/organizer/tasks/${id(taskId)}/site-code`)

export const serviceUrls = {
  book: (taskId: string) => `/public-service/tasks/${id(taskId)}/bookings`,
  cancel: (bookingId: string) => `/public-service/bookings/${id(bookingId)}/cancel`,
  checkIn: '/public-service/check-in',
  checkOut: '/public-service/check-out',
  redeem: '/public-service/hour-codes/redeem',
  publish: '/organizer/tasks',
  attendance: (taskId: string) => `/organizer/tasks/${id(taskId)}/attendance`,
  cancelTask: (taskId: string) => `/organizer/tasks/${id(taskId)}/cancel`,
  hourCode: '/organizer/hour-codes',
}
