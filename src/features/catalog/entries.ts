// The services the app offers, and which of them are open yet. An entry without a page is not
// shown (features/catalog/components/entry-grid): the app never shows a feature that does not exist.
import accessLogIcon from '../../assets/icons/access-log.svg'
import commitmentIcon from '../../assets/icons/commitment.svg'
import medalIcon from '../../assets/icons/medal.svg'
import medicalIcon from '../../assets/icons/medical.svg'
import objectionIcon from '../../assets/icons/objection.svg'
import publicityIcon from '../../assets/icons/publicity.svg'
import readingIcon from '../../assets/icons/reading.svg'
import recordIcon from '../../assets/icons/record.svg'
import rentalIcon from '../../assets/icons/rental.svg'
import repairIcon from '../../assets/icons/repair.svg'
import reportIcon from '../../assets/icons/report.svg'
import travelIcon from '../../assets/icons/travel.svg'
import volunteerIcon from '../../assets/icons/volunteer.svg'
import { routes } from '../../platform/navigation'
import { caseRoutes } from '../cases/routes'
import certificateIcon from '../../assets/icons/certificate.svg'
import warningIcon from '../../assets/icons/warning.svg'

export interface ServiceEntry {
  id: string
  title: string
  icon: string
  /** one line on what the service is for */
  description: string
  /** the page that serves it; none yet = not shown */
  url?: string
}

export const creditServices: ServiceEntry[] = [
  { id: 'records', title: '信用记录', icon: recordIcon, description: '查看本人公共信用信息及来源', url: routes.records },
  { id: 'report', title: '信用报告', icon: reportIcon, description: '下载可验证的信用报告', url: routes.reports },
  { id: 'objection', title: '异议申诉', icon: objectionIcon, description: '对有误的记录提出异议', url: routes.myObjections },
  { id: 'repair', title: '信用修复', icon: repairIcon, description: '符合条件的失信信息申请修复', url: routes.repairPlanner },
  { id: 'commitment', title: '信用承诺', icon: commitmentIcon, description: '在线签署信用承诺书', url: routes.commitments },
  { id: 'public-service', title: '公益服务', icon: volunteerIcon, description: '报名志愿服务，累计服务时长', url: routes.publicService },
  { id: 'access-log', title: '查询记录', icon: accessLogIcon, description: '谁查看过我的信用信息', url: routes.accessLog },
  { id: 'publicity', title: '信用公示', icon: publicityIcon, description: '查询企业公开的信用承诺', url: routes.publicCommitments },
  { id: 'lists', title: '红黑名单', icon: medalIcon, description: '查询红名单和严重失信主体名单', url: routes.publicLists },
  { id: 'dishonesty-report', title: '举报失信', icon: warningIcon, description: '举报企业失信行为，举报人信息严格保密', url: caseRoutes.reportForm() },
  { id: 'voluntary-registration', title: '自愿注册', icon: certificateIcon, description: '登记资质、履约、公益等守信信息', url: caseRoutes.registrationForm },
]

export const incentives: ServiceEntry[] = [
  { id: 'travel', title: '信易游', icon: travelIcon, description: '合作景区门票优惠、免费接驳、旺季专用窗口和快速入园', url: routes.incentives },
  { id: 'rental', title: '信易租', icon: rentalIcon, description: '免押金租用公共自行车、汽车、住房和设备', url: routes.incentives },
  { id: 'reading', title: '信易阅', icon: readingIcon, description: '图书馆免押金办证，借阅数量和期限更宽松', url: routes.incentives },
  { id: 'medical', title: '信易医', icon: medicalIcon, description: '合作医院“先诊疗后付费”等就医便利', url: routes.incentives },
]

export const isOpen = (entry: ServiceEntry): boolean => Boolean(entry.url)
