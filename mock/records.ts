// Demo credit records. Dates are days before the day of seeding, so the demo never goes stale;
// publicity ends are derived from the class rules when seeding.
import type { Severity } from '../src/domain/policy'

export interface MockRecord {
  id: string
  subjectId: string
  kind: string
  polarity: 'positive' | 'negative'
  severity: Severity | null
  title: string
  content: string
  department: string
  documentNo: string | null
  legalBasis: string | null
  decidedDaysAgo: number
  listKind?: 'red' | 'black'
  listName?: string
  /** what the decision obliges; metDaysAgo: the department's data says it was met then (部门推送) */
  obligation?: { duty: string; metDaysAgo?: number }
}

export const records: MockRecord[] = [
  // 陈明远 — red list
  {
    id: 'rec-chen-volunteer-honour', subjectId: 'person-chen', kind: '表彰奖励', polarity: 'positive', severity: null,
    title: '杭州市优秀志愿者', content: '在社区疫情防控、亚运会城市志愿服务中表现突出，被评为年度优秀志愿者。',
    department: '杭州市志愿服务工作指导中心', documentNo: '杭志指〔2026〕3号',
    legalBasis: '《浙江省志愿服务条例》第三十六条', decidedDaysAgo: 200, listKind: 'red', listName: '优秀志愿者',
  },
  {
    id: 'rec-chen-volunteer-hours', subjectId: 'person-chen', kind: '志愿服务', polarity: 'positive', severity: null,
    title: '志愿服务时长累计 320 小时', content: '经“志愿浙江”平台记录并确认的志愿服务时长。',
    department: '杭州市志愿者协会', documentNo: null,
    legalBasis: '《志愿服务记录与证明出具办法（试行）》', decidedDaysAgo: 60,
  },
  {
    id: 'rec-chen-bravery', subjectId: 'person-chen', kind: '表彰奖励', polarity: 'positive', severity: null,
    title: '见义勇为先进个人', content: '在西湖景区落水群众救助中见义勇为，受到表彰。',
    department: '杭州市见义勇为基金会', documentNo: '杭见基〔2025〕18号',
    legalBasis: '《浙江省见义勇为人员奖励和保障条例》第十条', decidedDaysAgo: 420, listKind: 'red', listName: '见义勇为',
  },
  // 李建国 — 一般 penalty, past 3 months
  {
    id: 'rec-li-fire-penalty', subjectId: 'person-li', kind: '行政处罚', polarity: 'negative', severity: '一般',
    title: '经营场所未保持疏散通道畅通', content: '当事人经营的建国五金店占用、堵塞疏散通道，处罚款人民币伍仟元整。当事人已于决定作出后 15 日内缴清罚款。',
    department: '杭州市上城区消防救援大队', documentNo: '杭上消行罚决字〔2026〕0128号',
    legalBasis: '《中华人民共和国消防法》第二十八条、第六十条第一款第三项', decidedDaysAgo: 150,
    obligation: { duty: '缴纳罚款 5,000 元', metDaysAgo: 138 },
  },
  {
    id: 'rec-li-volunteer', subjectId: 'person-li', kind: '志愿服务', polarity: 'positive', severity: null,
    title: '社区志愿服务 4 小时', content: '参加湖滨街道垃圾分类宣传志愿服务。',
    department: '杭州市上城区湖滨街道', documentNo: null, legalBasis: '《浙江省志愿服务条例》', decidedDaysAgo: 20,
  },
  // 王芳 — 严重, not yet one year
  {
    id: 'rec-wang-food-safety', subjectId: 'person-wang', kind: '行政处罚', polarity: 'negative', severity: '严重',
    title: '经营超过保质期的食品', content: '当事人经营的芳芳便利店销售超过保质期的预包装食品，没收违法所得并处罚款人民币伍万元整，情节严重。',
    department: '杭州市西湖区市场监督管理局', documentNo: '杭西市监罚〔2026〕12号',
    legalBasis: '《中华人民共和国食品安全法》第三十四条第十项、第一百二十四条第一款', decidedDaysAgo: 120,
    obligation: { duty: '缴纳罚款 50,000 元并上缴没收的违法所得', metDaysAgo: 105 },
  },
  // 赵磊 — wrong entry
  {
    id: 'rec-zhao-rent-arrears', subjectId: 'person-zhao', kind: '合同履约', polarity: 'negative', severity: '一般',
    title: '公共租赁住房租金逾期未缴', content: '记录显示当事人承租的公租房（拱墅区和睦新村 12 幢 3 单元 201 室）租金逾期 6 个月未缴。',
    department: '杭州市住房保障和房产管理局', documentNo: '杭房保〔2026〕47号',
    legalBasis: '《公共租赁住房管理办法》第三十五条', decidedDaysAgo: 35,
    obligation: { duty: '补缴拖欠的公租房租金' },
  },
  // 孙强 — 严重失信: judgment debtor list
  {
    id: 'rec-sun-judgment-debtor', subjectId: 'person-sun', kind: '失信被执行人', polarity: 'negative', severity: '严重',
    title: '有履行能力而拒不履行生效法律文书确定义务', content: '被执行人未履行（2025）浙0102民初3561号民事判决书确定的给付义务，被纳入失信被执行人名单。',
    department: '杭州市上城区人民法院', documentNo: '（2026）浙0102执1234号',
    legalBasis: '《最高人民法院关于公布失信被执行人名单信息的若干规定》第一条第一项', decidedDaysAgo: 90,
    obligation: { duty: '履行（2025）浙0102民初3561号民事判决书确定的给付义务' },
    listKind: 'black', listName: '失信被执行人名单',
  },
  // 杭州云栖 — 纳税信用 A
  {
    id: 'rec-yunqi-tax-a', subjectId: 'ent-yunqi', kind: '表彰奖励', polarity: 'positive', severity: null,
    title: '纳税信用 A 级纳税人', content: '2025 年度纳税信用评价结果为 A 级。',
    department: '国家税务总局杭州市西湖区税务局', documentNo: '杭西税〔2026〕5号',
    legalBasis: '《纳税信用管理办法》第二十六条', decidedDaysAgo: 230, listKind: 'red', listName: '纳税信用A级',
  },
  {
    id: 'rec-yunqi-licence', subjectId: 'ent-yunqi', kind: '行政许可', polarity: 'positive', severity: null,
    title: '增值电信业务经营许可', content: '准予从事第二类增值电信业务中的信息服务业务。',
    department: '浙江省通信管理局', documentNo: '浙B2-20260311', legalBasis: '《中华人民共和国电信条例》第十三条', decidedDaysAgo: 300,
  },
  // 绍兴鉴湖 — one minor penalty plus an honour
  {
    id: 'rec-jianhu-label', subjectId: 'ent-jianhu', kind: '行政处罚', polarity: 'negative', severity: '轻微',
    title: '预包装食品标签标注不规范', content: '部分批次黄酒标签未标注生产许可证编号，责令改正并处警告。',
    department: '绍兴市越城区市场监督管理局', documentNo: '绍越市监罚〔2026〕88号',
    legalBasis: '《中华人民共和国食品安全法》第六十七条、第一百二十五条', decidedDaysAgo: 40,
    obligation: { duty: '改正预包装食品标签（补标生产许可证编号）' },
  },
  {
    id: 'rec-jianhu-contract', subjectId: 'ent-jianhu', kind: '表彰奖励', polarity: 'positive', severity: null,
    title: '浙江省“守合同重信用”企业', content: '连续两年公示为“守合同重信用”企业。',
    department: '浙江省市场监督管理局', documentNo: '浙市监信〔2025〕21号',
    legalBasis: '《浙江省“守合同重信用”企业公示管理办法》', decidedDaysAgo: 380, listKind: 'red', listName: '守合同重信用',
  },
  // 杭州绿源 — 诚信典型 on the red list
  {
    id: 'rec-lvyuan-model', subjectId: 'ent-lvyuan', kind: '表彰奖励', polarity: 'positive', severity: null,
    title: '杭州市诚信建设典型企业', content: '在环保设施运营中坚持依法诚信经营，入选年度诚信典型。',
    department: '杭州市发展和改革委员会', documentNo: '杭发改信用〔2026〕15号',
    legalBasis: '《浙江省公共信用信息管理条例》第二十七条', decidedDaysAgo: 75, listKind: 'red', listName: '诚信典型',
  },
  // 浙江恒信 — 严重失信主体: wage arrears
  {
    id: 'rec-hengxin-wages', subjectId: 'ent-hengxin', kind: '行政处罚', polarity: 'negative', severity: '严重',
    title: '拖欠农民工工资', content: '拖欠 46 名农民工工资共计人民币壹佰贰拾叁万元，经责令限期支付逾期仍未支付，列入拖欠农民工工资失信联合惩戒对象名单。',
    department: '杭州市西湖区人力资源和社会保障局', documentNo: '杭西人社失信〔2026〕3号',
    legalBasis: '《保障农民工工资支付条例》第四十八条；《拖欠农民工工资失信联合惩戒对象名单管理暂行办法》第五条', decidedDaysAgo: 50,
    listKind: 'black', listName: '拖欠农民工工资失信联合惩戒对象名单', obligation: { duty: '支付拖欠的农民工工资 1,230,000 元' },
  },
]

/** Demo reads of records by departments and partners (the access log a subject sees). */
export const accessLog: { id: string; subjectId: string; daysAgo: number; reader: string; readerKind: 'officer' | 'partner' | 'verifier' | 'public'; purpose: string }[] = [
  { id: 'access-li-1', subjectId: 'person-li', daysAgo: 12, reader: '杭州市上城区市场监督管理局', readerKind: 'officer', purpose: '个体工商户年度报告信用核查' },
  { id: 'access-chen-1', subjectId: 'person-chen', daysAgo: 30, reader: '杭州市文明办', readerKind: 'officer', purpose: '“最美杭州人”评选信用审查' },
  { id: 'access-yunqi-1', subjectId: 'ent-yunqi', daysAgo: 8, reader: '杭州市西湖区财政局', readerKind: 'officer', purpose: '政府采购供应商信用审查' },
]
