// Demo personas: each shows one situation a real citizen, agent or staff member is in.
// ID numbers and USCCs get their check character computed, so every one of them is valid.
import { idNumberCheckChar } from '../src/domain/id-number'
import { usccCheckChar } from '../src/domain/uscc'

const idNo = (first17: string) => first17 + idNumberCheckChar(first17)
const uscc = (first17: string) => first17 + usccCheckChar(first17)

export interface MockSubject {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  identifier: string
}

export interface MockPersona {
  persona: string
  userId: string
  phone: string
  roles: string[]
  orgName?: string
  subject: MockSubject
  summary: string
  agentOf?: { subjectId: string; role: '法定代表人' | '经办人' }[]
}

export const enterprises: MockSubject[] = [
  { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: uscc('91330106MA2H3K5Q7') },
  { id: 'ent-jianhu', kind: 'enterprise', name: '绍兴鉴湖酿造有限公司', identifier: uscc('91330602MA2D8R6L1') },
  // On the public red and black lists only (no agent in the demo): what the list lookup finds.
  { id: 'ent-lvyuan', kind: 'enterprise', name: '杭州绿源环保科技有限公司', identifier: uscc('91330105MA2J7T4W3') },
  { id: 'ent-hengxin', kind: 'enterprise', name: '浙江恒信建设工程有限公司', identifier: uscc('91330108MA2C6N9P5') },
]

/** The 信用主管部门 of the demo city: receives objections and repair applications, accepts and transfers them. */
export const CREDIT_AUTHORITY = '杭州市发展和改革委员会（市信用办）'

const person = (id: string, name: string, first17: string): MockSubject => ({ id, kind: 'person', name, identifier: idNo(first17) })

export const personas: MockPersona[] = [
  {
    persona: 'citizen-red', userId: 'user-citizen-red', phone: '13800000001', roles: ['citizen'],
    subject: person('person-chen', '陈明远', '33010619850312001'),
    summary: '红名单市民：优秀志愿者，信用极好，可享信易游、信易租',
  },
  {
    persona: 'citizen-repairable', userId: 'user-citizen-repairable', phone: '13800000002', roles: ['citizen'],
    subject: person('person-li', '李建国', '33010219780905003'),
    summary: '一般行政处罚已满 3 个月可申请修复，还差公益服务时长',
  },
  {
    persona: 'citizen-serious', userId: 'user-citizen-serious', phone: '13800000003', roles: ['citizen'],
    subject: person('person-wang', '王芳', '33010519900217004'),
    summary: '有一条严重失信行为记录，未满 1 年暂不可修复',
  },
  {
    persona: 'citizen-objection', userId: 'user-citizen-objection', phone: '13800000004', roles: ['citizen'],
    subject: person('person-zhao', '赵磊', '33010419920628005'),
    summary: '有一条记错的欠缴记录，可提出异议',
  },
  {
    persona: 'citizen-blacklist', userId: 'user-citizen-blacklist', phone: '13800000005', roles: ['citizen'],
    subject: person('person-sun', '孙强', '33010319750130007'),
    summary: '被列入失信被执行人名单（严重失信），不能享受激励',
  },
  {
    persona: 'citizen-new', userId: 'user-citizen-new', phone: '13800000006', roles: ['citizen'],
    subject: person('person-zhou', '周晓', '33010820010415002'),
    summary: '新用户：已实名，暂无任何信用记录',
  },
  {
    persona: 'agent-yunqi', userId: 'user-agent-yunqi', phone: '13800000007', roles: ['citizen', 'agent'],
    subject: person('person-wu', '吴静', '33010619870722008'),
    agentOf: [{ subjectId: 'ent-yunqi', role: '法定代表人' }],
    summary: '企业法定代表人：杭州云栖数字科技有限公司（纳税信用 A 级）',
  },
  {
    persona: 'agent-jianhu', userId: 'user-agent-jianhu', phone: '13800000008', roles: ['citizen', 'agent'],
    subject: person('person-zheng', '郑浩', '33060219831109001'),
    agentOf: [{ subjectId: 'ent-jianhu', role: '经办人' }],
    summary: '企业经办人：绍兴鉴湖酿造有限公司（有一条轻微处罚）',
  },
  {
    persona: 'staff-verifier', userId: 'user-staff-verifier', phone: '13800000009', roles: ['citizen', 'verifier'],
    orgName: '西湖风景名胜区灵隐景区', subject: person('person-feng', '冯丽', '33010619940303002'),
    summary: '景区核验员：在闸机口核销信易游卡券',
  },
  {
    persona: 'staff-rental', userId: 'user-staff-rental', phone: '13800000010', roles: ['citizen', 'rental_partner'],
    orgName: '杭州城市公共自行车服务有限公司', subject: person('person-he', '何伟', '33010319890816003'),
    summary: '租赁合作方：经授权查验信易租免押资格',
  },
  {
    persona: 'staff-counter', userId: 'user-staff-counter', phone: '13800000013', roles: ['citizen', 'counter'],
    orgName: '杭州图书馆', subject: person('person-lu', '陆敏', '33010619930512006'),
    summary: '服务窗口核验员：查验读者出示的信易阅核验码',
  },
  {
    persona: 'staff-organizer', userId: 'user-staff-organizer', phone: '13800000011', roles: ['citizen', 'organizer'],
    orgName: '杭州市志愿者协会', subject: person('person-xu', '许婷', '33010219910909004'),
    summary: '公益组织者：发布公益任务、确认服务时长',
  },
  {
    persona: 'staff-officer', userId: 'user-staff-officer', phone: '13800000012', roles: ['citizen', 'officer'],
    orgName: CREDIT_AUTHORITY, subject: person('person-ma', '马超', '33010519800101005'),
    summary: '信用办工作人员：受理、转办异议和信用修复申请',
  },
  // An officer of a source department: sees only cases about records his department made (or
  // transferred to it), decides those; every other case is unknown to him.
  {
    persona: 'staff-officer-housing', userId: 'user-staff-officer-housing', phone: '13800000014', roles: ['citizen', 'officer'],
    orgName: '杭州市住房保障和房产管理局', subject: person('person-tang', '唐涛', '33010419860718001'),
    summary: '住房保障部门工作人员：对本部门作出的记录，决定转办来的异议',
  },
]

export const personaSummaries: Record<string, string> = Object.fromEntries(personas.map((p) => [p.persona, p.summary]))
