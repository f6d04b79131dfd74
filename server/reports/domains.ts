// The domains (领域) of a 专项信用报告 and which records belong to each, by the deciding department:
// the replaced 无违法违规证明 were issued per department, so the department is what decides the domain.
export const REPORT_DOMAINS = [
  { name: '市场监管', departments: /市场监督管理|工商行政/ },
  { name: '税务', departments: /税务/ },
  { name: '消防安全', departments: /消防/ },
  { name: '生态环境', departments: /生态环境|环境保护/ },
  { name: '安全生产', departments: /应急管理|安全生产/ },
  { name: '人力资源和社会保障', departments: /人力资源和社会保障|医疗保障/ },
  { name: '住房和城乡建设', departments: /住房|城乡建设|房产管理/ },
  { name: '交通运输', departments: /交通运输/ },
  { name: '城市管理', departments: /城市管理|综合行政执法/ },
  { name: '司法执行', departments: /人民法院/ },
] as const

export type ReportDomain = (typeof REPORT_DOMAINS)[number]['name']
export const REPORT_DOMAIN_NAMES = REPORT_DOMAINS.map((d) => d.name) as [ReportDomain, ...ReportDomain[]]

export function domainOf(department: string): ReportDomain | null {
  return REPORT_DOMAINS.find((d) => d.departments.test(department))?.name ?? null
}
