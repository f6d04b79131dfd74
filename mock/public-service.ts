// Demo 公益任务 of the organizer persona (杭州市志愿者协会), in the coming weeks: days and China
// times relative to the day of seeding, so the list is never empty in the sandbox.
export interface MockTask {
  id: string
  title: string
  organization: string
  place: string
  description: string
  /** days after the seeding day, start and end in China time (HH:mm), sign-up closing hours before the start */
  inDays: number
  start: string
  end: string
  signupHoursBefore: number
  capacity: number
  hours: number
}

export const TASK_ORGANIZER = 'user-staff-organizer'

export const tasks: MockTask[] = [
  {
    id: 'task-hubin-cleanup', title: '湖滨步行街环境清洁', organization: '杭州市志愿者协会', place: '上城区湖滨步行街（东坡路口集合）',
    description: '清理步行街及湖滨公园沿线的垃圾和小广告，劝导游客文明游览。协会提供手套、夹子和志愿者马甲，请穿运动鞋。',
    inDays: 2, start: '09:00', end: '12:00', signupHoursBefore: 24, capacity: 20, hours: 3,
  },
  {
    id: 'task-library-reading', title: '少儿阅读陪伴', organization: '杭州市志愿者协会', place: '杭州图书馆少儿分馆（上城区解放东路 58 号）',
    description: '陪伴 6–10 岁儿童阅读绘本、协助开展故事会。适合有耐心、普通话标准的志愿者。',
    inDays: 4, start: '14:00', end: '17:00', signupHoursBefore: 24, capacity: 8, hours: 3,
  },
  {
    id: 'task-elderly-meals', title: '社区助老送餐', organization: '杭州市志愿者协会', place: '拱墅区和睦街道老年食堂',
    description: '为社区独居老人送午餐并简单问候，每人负责 5–6 户，路线由食堂安排。',
    inDays: 6, start: '10:30', end: '12:30', signupHoursBefore: 12, capacity: 10, hours: 2,
  },
  {
    id: 'task-traffic-civility', title: '文明交通劝导', organization: '杭州市志愿者协会', place: '西湖区文三路与学院路交叉口',
    description: '早高峰在路口协助交警劝导行人和非机动车遵守信号灯，协会提供小红旗和马甲。',
    inDays: 9, start: '07:30', end: '09:30', signupHoursBefore: 24, capacity: 15, hours: 2,
  },
  {
    id: 'task-anti-fraud', title: '反诈宣传进社区', organization: '杭州市志愿者协会', place: '滨江区长河街道社区服务中心',
    description: '向社区居民发放反诈宣传资料，帮助老年人安装国家反诈中心 App。提醒：信用修复免费办理，谨防“付费修复信用”骗局。',
    inDays: 13, start: '14:00', end: '16:30', signupHoursBefore: 24, capacity: 12, hours: 2.5,
  },
  {
    id: 'task-blood-drive', title: '无偿献血点引导服务', organization: '杭州市志愿者协会', place: '武林广场献血屋',
    description: '引导献血者填表、排队，献血后陪同休息并发放饮品。',
    inDays: 20, start: '09:00', end: '15:00', signupHoursBefore: 48, capacity: 6, hours: 5.5,
  },
]
