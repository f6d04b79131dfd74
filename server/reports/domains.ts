// Which records belong to each domain (领域) of a 专项信用报告, by the deciding department: the
// replaced 无违法违规证明 were issued per department, so the department is what decides the domain.
// The domain names themselves are shared with the app (src/domain/report-request.ts).
import { REPORT_DOMAIN_NAMES, type ReportDomain } from '../../src/domain/report-request'

const DEPARTMENTS: Record<ReportDomain, RegExp> = {
  市场监管: /市场监督管理|工商行政/,
  税务: /税务/,
  消防安全: /消防/,
  生态环境: /生态环境|环境保护/,
  安全生产: /应急管理|安全生产/,
  人力资源和社会保障: /人力资源和社会保障|医疗保障/,
  住房和城乡建设: /住房|城乡建设|房产管理/,
  交通运输: /交通运输/,
  城市管理: /城市管理|综合行政执法/,
  司法执行: /人民法院/,
}

export type { ReportDomain }

export function domainOf(department: string): ReportDomain | null {
  return REPORT_DOMAIN_NAMES.find((d) => DEPARTMENTS[d].test(department)) ?? null
}
