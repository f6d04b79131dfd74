'use strict'
// API answers for rendering every page of the compiled mini-program: the demo persona 陈明远
// (citizen-red: 740 优秀, red list) with the texts of the demo data in mock/, also a scenic-spot
// verifier and a rental partner so the staff pages render, and 200 credit records and 200 messages
// (10 pages of 20 each) so the record list and the message centre can be scrolled to their ends. Shapes follow src/services/*-api.ts.
//
// (The real API is not started here: opening its embedded database takes tens of seconds on a busy
// CI machine, more than the whole weapp suite.)

const fs = require('node:fs')
const path = require('node:path')

const ROOT = path.resolve(__dirname, '..', '..')
const PRIVACY_POLICY_VERSION = /PRIVACY_POLICY_VERSION = '([^']+)'/.exec(fs.readFileSync(path.join(ROOT, 'src', 'domain', 'policy.ts'), 'utf8'))[1]

const RECORDS = 200
const MESSAGES = 200
/** the newest messages are unread */
const UNREAD = 5
const PAGE = 20
const USCC = '91330106MA2H3K5Q7N'
const VOUCHER_CODE = 'K7QM-2XRD-9PTA'
const RECEIPT_NO = 'CP20261122K7QM2XRD'

const user = {
  id: 'user-citizen-red', name: '陈**', phone: '138****0001', idNumber: '330106********0012', realNameVerified: true, wechatBound: false,
  roles: ['citizen', 'agent', 'verifier', 'rental_partner'], orgName: '西湖风景名胜区灵隐景区',
  subjects: [
    { id: 'person-chen', kind: 'person', name: '陈**', identifier: '330106********0012', relation: '本人' },
    { id: 'ent-yunqi', kind: 'enterprise', name: '杭州云栖数字科技有限公司', identifier: USCC, relation: '法定代表人' },
  ],
}

// The demo records of mock/records.ts, repeated with their own numbers up to 200 entries.
const DEMO = [
  { kind: '表彰奖励', polarity: 'positive', severity: null, title: '杭州市优秀志愿者', content: '在社区疫情防控、亚运会城市志愿服务中表现突出，被评为年度优秀志愿者。', department: '杭州市志愿服务工作指导中心', documentNo: '杭志指〔2026〕3号', legalBasis: '《浙江省志愿服务条例》第三十六条', list: { kind: 'red', name: '优秀志愿者' } },
  { kind: '志愿服务', polarity: 'positive', severity: null, title: '志愿服务时长累计 320 小时', content: '经“志愿浙江”平台记录并确认的志愿服务时长。', department: '杭州市志愿者协会', documentNo: null, legalBasis: '《志愿服务记录与证明出具办法（试行）》', list: null },
  { kind: '行政处罚', polarity: 'negative', severity: '一般', title: '经营场所未保持疏散通道畅通', content: '当事人经营的建国五金店占用、堵塞疏散通道，处罚款人民币伍仟元整。当事人已于决定作出后 15 日内缴清罚款。', department: '杭州市上城区消防救援大队', documentNo: '杭上消行罚决字〔2026〕0128号', legalBasis: '《中华人民共和国消防法》第二十八条、第六十条第一款第三项', list: null },
  { kind: '表彰奖励', polarity: 'positive', severity: null, title: '见义勇为先进个人', content: '在西湖景区落水群众救助中见义勇为，受到表彰。', department: '杭州市见义勇为基金会', documentNo: '杭见基〔2025〕18号', legalBasis: '《浙江省见义勇为人员奖励和保障条例》第十条', list: { kind: 'red', name: '见义勇为' } },
]

function record(n) {
  const demo = DEMO[n % DEMO.length]
  return {
    id: `rec-${n}`,
    ...demo,
    title: `${demo.title}（第 ${n + 1} 条）`,
    documentNo: demo.documentNo && demo.documentNo.replace(/(\d+)号$/, `${String(n + 1).padStart(4, '0')}号`),
    decisionDate: '2026-06-26',
    publicityStart: '2026-06-26',
    publicityEnd: '2029-06-26',
    status: n % 5 === 4 ? '已到期' : '公示中',
  }
}

// Messages about the user's cases, newest first; every other one links to a record of the app.
const MESSAGE_TITLES = ['异议申请已受理', '信用修复申请已通过', '新的信用记录已公示', '卡券即将过期']
function message(n) {
  const title = MESSAGE_TITLES[n % MESSAGE_TITLES.length]
  return {
    id: `msg-${n}`,
    title: `${title}（消息 ${n + 1}）`,
    body: `您提交的申请（编号 SQ2026${String(n + 1).padStart(4, '0')}）有了新的进展，请查看详情。`,
    createdAt: new Date(Date.UTC(2026, 10, 30, 2) - n * 3600_000).toISOString(),
    readAt: n < UNREAD ? null : '2026-11-30T03:00:00.000Z',
    link: n % 2 === 0 ? `/packages/credit/pages/detail/index?id=rec-${n}` : null,
  }
}

const overview = {
  subject: { kind: 'person', name: null, relation: '本人' }, asOf: '2026-11-30', score: 740, level: '优秀', base: 600,
  factors: [0, 1, 3].map((n) => ({
    recordId: `rec-${n}`, points: n === 1 ? 20 : 60, reason: `+${n === 1 ? 20 : 60} 因为 《${record(n).title}》（公示至 2029-06-26）`,
    record: { id: `rec-${n}`, title: record(n).title, documentNo: record(n).documentNo, department: record(n).department, publicityEnd: '2029-06-26' },
  })),
  suspended: [{ recordId: 'rec-99', reason: '异议核查中，暂不计分', title: '公共租赁住房租金逾期未缴' }],
  redList: ['优秀志愿者', '见义勇为'], blackList: [], counts: { positive: 150, negative: 50, inPublicity: 160 },
}

const benefit = { code: 'ticket_discount', name: '门票优惠', detail: '飞来峰景区门票 5 折（原价 45 元）' }
const incentives = [
  {
    id: 'travel-lingyin', category: 'travel', categoryName: '信易游', name: '灵隐景区门票优惠', provider: '西湖风景名胜区灵隐景区',
    summary: '信用良好及以上的市民游览飞来峰景区享门票优惠', benefits: [benefit], rule: '信用等级为良好及以上，且不在严重失信名单中',
    eligible: true, reasons: ['您的信用等级为优秀（740 分），符合良好及以上的条件'], claimKind: 'voucher', address: '杭州市西湖区灵隐路法云弄 1 号',
    openHours: '07:00–18:00', hours: { opens: '07:00', closes: '18:00', lastEntry: '23:59' }, audience: 'person', audienceName: '面向个人',
    depositWaived: null, limits: '每人每月 1 张', howToUse: '入园时出示卡券二维码，由核验员扫码核销',
  },
  {
    id: 'rental-bike', category: 'rental', categoryName: '信易租', name: '公共自行车免押金', provider: '杭州公共自行车公司',
    summary: '信用优秀的市民免押金租用公共自行车', benefits: [{ code: 'deposit_free', name: '免押金', detail: '免交 200 元押金' }], rule: '信用等级为优秀',
    eligible: true, reasons: ['您的信用等级为优秀（740 分）'], claimKind: 'grant', address: null, openHours: null, hours: null, audience: 'person', audienceName: '面向个人', depositWaived: '200 元', limits: '同时最多租用 1 辆', howToUse: '授权后在租车点出示资格码',
  },
]
const catalog = {
  standing: { score: 740, level: '优秀', redList: overview.redList, blackList: [], incentives: { count: 2, total: 2, label: '可享 2 项激励', reason: null } }, greenChannel: { eligible: true, reasons: ['您在红名单（优秀志愿者）中'] }, items: incentives }

const voucher = {
  id: 'v-1', code: VOUCHER_CODE, incentiveId: 'travel-lingyin', spot: '灵隐景区', benefit, visitDate: '2026-12-05',
  status: 'available', statusText: '可使用', usedAt: null, usedPlace: null, createdAt: '2026-11-30T01:20:45.921Z',
}
const grant = {
  id: 'g-1', code: 'G7QM2XRD', incentiveId: 'rental-bike', name: '公共自行车免押金', partner: '杭州公共自行车公司', depositWaived: '200 元',
  limits: '同时最多租用 1 辆', validUntil: '2027-11-30', status: 'active', statusText: '有效',
}
const authorization = {
  id: 'au-1', incentiveId: 'rental-bike', partner: '杭州公共自行车公司', service: '公共自行车免押金', scope: '信用等级、是否在严重失信名单中',
  createdAt: '2026-11-30T01:00:00.000Z', expiresAt: '2026-12-30T01:00:00.000Z', revokedAt: null, status: 'active', statusText: '授权中',
}

const commitmentFacts = {
  receiptNo: RECEIPT_NO,
  template: { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', title: '企业诚信经营承诺书' },
  subject: { kind: 'enterprise', name: '杭州云栖数字科技有限公司', uscc: USCC },
  signerRelation: '法定代表人',
  textSha256: '6f75d69aea44f046a6254f17912262cc286b2bd3b4b4eb39cf50874549190ce6',
  status: '履约中',
  statusReason: null,
  signedAt: '2026-11-22T02:30:00.000Z',
}
const commitment = { id: 'c-1', ...commitmentFacts, signatureSha256: 'b'.repeat(64), text: '本单位郑重承诺：\n一、所提供的全部材料真实、准确、完整、有效；\n二、严格遵守国家法律法规，诚信经营。' }
const template = { id: 'tpl-public-integrity', version: 2, kind: '主动公示型', audience: 'enterprise', title: '企业诚信经营承诺书', body: commitment.text, textSha256: commitmentFacts.textSha256 }

// 信用修复: the record rec-2 (a 一般 penalty) can be repaired now; one application under review.
const eligibilityItem = {
  recordId: 'rec-2', state: 'eligible', eligibleFrom: '2026-09-26', missing: [], hoursRequired: 10, hoursConfirmed: 10, scoreNow: 690, scoreAfter: 740,
  title: '经营场所未保持疏散通道畅通', severity: '一般', status: '公示中', repairAfterMonths: 3, lastRejection: null,
}
const repairPlan = {
  today: '2026-11-30', scoreNow: 690, levelNow: '良好', targetLevel: '良好', reachesTargetOn: '2026-11-30', summary: '您的信用等级目前为“良好”', eligibility: [eligibilityItem],
  steps: [{ recordId: 'rec-2', title: '经营场所未保持疏散通道畅通', kind: 'repair', from: '2026-11-30', effectiveBy: '2026-12-17', tasks: [], todo: [], gain: 50, scoreAfter: 740, levelAfter: '优秀' }],
}
const repairStep = (status, title, extra = {}) => ({ status, title, done: false, at: null, actor: null, dueDate: null, dueDateEstimated: false, overdue: false, note: null, ...extra })
const repairApplication = {
  id: 'r-1', status: '审核中', recordId: 'rec-2', filedAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-17', dueDateEstimated: false, dueDateNote: null, overdue: false, scoreExpected: 740,
  outcome: null, outcomeLabel: null, decisionReasons: null, decidedAt: null,
  record: { title: '经营场所未保持疏散通道畅通', status: '公示中', severity: '一般', department: '杭州市上城区消防救援大队', documentNo: null },
  commitment: { id: 'c-9', receiptNo: 'CP20261130K7QM2XRD', title: '信用修复承诺书', signedAt: '2026-11-30T01:50:00.000Z' },
  steps: [repairStep('已提交', '提交申请', { done: true, at: '2026-11-30T02:00:00.000Z', actor: '信用主体本人' }), repairStep('平台审核', '信用平台核实材料并答复', { dueDate: '2026-12-14' }), repairStep('作出决定', '认定部门作出修复决定', { dueDate: '2026-12-17' })],
  attachments: [{ id: 'u-1', type: 'application/pdf', size: 52000, url: '/api/uploads/u-1' }],
}
// 失信举报 and 自愿注册 as their owners read them.
const steps = (names) => names.map((status, i) => ({ status, done: i === 0, at: i === 0 ? '2026-11-30T02:00:00.000Z' : null, dueDate: i === 1 ? '2026-12-07' : null, overdue: false, note: null }))
const dishonestyReport = {
  id: 'r-1', status: '已提交', uscc: USCC, enterpriseName: '杭州云栖数字科技有限公司', category: 'wage_arrears', categoryLabel: '拖欠工资',
  description: '该公司拖欠施工班组三个月工资，多次催要未果。', filedAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-07', dueDateEstimated: false, overdue: false,
  outcome: null, outcomeLabel: null, reply: null, steps: steps(['已提交', '已受理', '核查中', '已办结']), attachments: [],
}
const registration = {
  id: 'g-1', status: '已提交', category: 'welfare', categoryLabel: '公益慈善', title: '社区助老志愿服务项目', description: '2026 年组织社区助老志愿服务 120 小时。',
  filedAt: '2026-11-30T02:00:00.000Z', dueDate: '2026-12-14', dueDateEstimated: false, overdue: false,
  commitment: { id: 'c-9', receiptNo: 'CP20261130ABCDEFGH', title: '信用信息自愿注册真实性承诺书' }, decidedAt: null, reasons: null, recordId: null,
  steps: steps(['已提交', '核验']), attachments: [{ id: 'u-1', type: 'application/pdf', size: 2048, url: '/api/uploads/u-1' }],
}
const serviceTask = {
  id: 'task-1', title: '湖滨步行街环境清洁', organization: '杭州市志愿者协会', place: '上城区湖滨步行街（东坡路口集合）', description: '清理步行街沿线的垃圾和小广告。',
  startAt: '2026-12-02T01:00:00.000Z', endAt: '2026-12-02T04:00:00.000Z', signupDeadline: '2026-12-01T01:00:00.000Z', capacity: 20, booked: 3, hours: 3,
  open: true, closedReason: null, checkIn: { opens: '2026-12-02T00:30:00.000Z', closes: '2026-12-02T04:00:00.000Z' },
  checkOut: { opens: '2026-12-02T01:00:00.000Z', closes: '2026-12-02T05:00:00.000Z' }, myBooking: null,
}
const serviceBooking = {
  id: 'b-1', stage: 'booked', stageLabel: '已预约', bookedAt: '2026-11-30T01:00:00.000Z', cancelledAt: null, checkedInAt: null, checkedOutAt: null, confirmedHours: null, canCancel: true,
  task: { id: 'task-1', title: serviceTask.title, organization: serviceTask.organization, place: serviceTask.place, startAt: serviceTask.startAt, endAt: serviceTask.endAt, hours: 3 },
}
const serviceHours = {
  total: 7, points: 7, maxPoints: 90, hoursToNextPoint: 1, nextCursor: null,
  items: [{ id: 'h-1', source: 'hour_code', sourceLabel: '时长码兑换', hours: 4, title: '线上课业辅导', organization: '杭州市志愿者协会', creditedAt: '2026-11-28T06:00:00.000Z', correctedAt: null }],
}
const REPORT_NO = 'BG20261130K7P2QXMN'
const report = {
  id: 'r-1', kind: 'full', status: 'ready', number: REPORT_NO, verificationCode: 'K7P2QX', sha256: 'ab12'.repeat(16), params: {},
  createdAt: '2026-11-30T02:00:00.000Z', readyAt: '2026-11-30T02:00:03.000Z',
}

function answer(method, url, body) {
  const p = url.pathname.replace(/^.*?\/api\//, '/')
  const q = url.searchParams
  if (p === '/health') return { status: 'ok', database: 'fixture', migration: 1, sandbox: true }
  if (p === '/auth/sandbox/personas') return [{ id: 'citizen-red', name: '陈明远', roles: ['citizen'], summary: '红名单（优秀志愿者、见义勇为），740 优秀' }]
  if (p === '/me') return user
  if (p === '/credit/overview') return overview
  if (p === '/objections') return { items: [], nextCursor: null }
  if (p === '/credit/score-history') return { items: Array.from({ length: 12 }, (_, n) => ({ month: `2025-${String(n + 1).padStart(2, '0')}`, score: 620 + n * 10, level: n < 8 ? '良好' : '优秀' })) }
  if (p === '/credit/records') {
    const from = Number(q.get('cursor') || 0)
    const to = Math.min(from + PAGE, RECORDS)
    return { items: Array.from({ length: to - from }, (_, i) => record(from + i)), nextCursor: to < RECORDS ? String(to) : null }
  }
  if (p === '/messages' && method === 'GET') {
    const from = Number(q.get('cursor') || 0)
    const to = Math.min(from + PAGE, MESSAGES)
    return { items: Array.from({ length: to - from }, (_, i) => message(from + i)), nextCursor: to < MESSAGES ? String(to) : null, unread: UNREAD }
  }
  if (p === '/messages/read-all' || /^\/messages\/[^/]+\/read$/.test(p)) return {}
  const detail = /^\/credit\/records\/([^/]+)$/.exec(p)
  if (detail) {
    const n = Number(decodeURIComponent(detail[1]).replace('rec-', '')) || 0
    const history = ['公示中'].map((status) => ({ at: '2026-06-26T01:00:00.000Z', actor: record(n).department, status, reason: '决定作出并公示' }))
    const obligation = record(n).polarity === 'negative' ? { duty: '缴纳罚款 5,000 元', metOn: '2026-07-08', source: '部门推送' } : { duty: null, metOn: null, source: null }
    return { ...record(n), history, obligation }
  }
  if (p === '/me/access-log') return { items: Array.from({ length: PAGE }, (_, n) => ({ id: `a${n}`, at: '2026-10-23T02:30:00.000Z', reader: '杭州市文明办', readerKind: '政府部门', purpose: '“最美杭州人”评选信用审查' })), nextCursor: null }
  if (p === '/incentives') return catalog
  const inc = /^\/incentives\/([^/]+)$/.exec(p)
  if (inc) return incentives.find((i) => i.id === decodeURIComponent(inc[1])) || null
  if (p === '/vouchers') return { items: q.get('status') === 'history' ? [] : [voucher], nextCursor: null }
  if (p === '/grants') return { items: [grant] }
  if (p === '/me/authorizations' && method === 'GET') return { items: [authorization] }
  if (p === '/staff/vouchers/verify') return { ...voucher, code: body.code, status: 'used', statusText: '已使用', usedAt: '2026-11-30T01:20:49.193Z', usedPlace: user.orgName, holder: '陈**' }
  if (p === '/partner/grants/check') return { ...grant, holder: '陈**', depositFree: true, reasons: [] }
  if (p === '/commitments/templates') return { items: [template], nextCursor: null }
  if (p === '/commitments/templates/tpl-public-integrity') return template
  if (p === '/commitments' && method === 'GET') return { items: [commitment], nextCursor: null }
  if (p === '/commitments/c-1') return commitment
  if (p === '/public/commitments') return { items: [commitment], nextCursor: null }
  if (p === `/public/receipts/${RECEIPT_NO}`) return { valid: true, ...commitmentFacts }
  if (p === '/dishonesty-reports' && method === 'GET') return { items: [dishonestyReport], nextCursor: null }
  if (p === '/dishonesty-reports/r-1') return dishonestyReport
  if (p === '/voluntary-registrations' && method === 'GET') return { items: [registration], nextCursor: null }
  if (p === '/voluntary-registrations/g-1') return registration
  if (p === '/public-service/tasks') return { items: [serviceTask], nextCursor: null }
  if (p === '/public-service/tasks/task-1') return serviceTask
  if (p === '/public-service/bookings') return { items: [serviceBooking], nextCursor: null }
  if (p === '/public-service/hours') return serviceHours
  if (p === '/reports' && method === 'GET') return { items: [report], nextCursor: null }
  if (p === '/reports/r-1') return report
  if (p === '/public/lists') {
    const hit = { id: 'Xk3pQ9sLmN2vB7cR1tY5aZ', subject: { kind: 'enterprise', name: '杭州绿源环保科技有限公司', identifier: '91330105MA2J7T4W3E' }, listName: '诚信典型', department: '杭州市发展和改革委员会', legalBasis: '《浙江省公共信用信息管理条例》第二十七条', documentNo: null, listedOn: '2026-09-16', publicityEnd: '2029-09-16' }
    return { items: q.get('list') === 'red' ? [hit] : [], nextCursor: null }
  }
  if (p === '/repairs/eligibility') return { items: [eligibilityItem] }
  if (p === '/repairs/plan') return repairPlan
  if (p === '/repairs' && method === 'GET') return { items: [repairApplication], nextCursor: null }
  if (p === '/repairs/r-1') return repairApplication
  return undefined
}

// What a user must see on each page, with the query it is opened with. (Numbers inside a text are
// text nodes of their own, kept on one line, and read with spaces around them: '〔 2026 〕'.) A page of app.json that is
// not listed here is still rendered and measured, and must show some text.
const PAGES = {
  'pages/index/index': { texts: ['信用分', '740', '优秀', '红名单 · 优秀志愿者', '正面记录'] },
  'pages/incentives/index': { texts: ['我的信用等级', '灵隐景区门票优惠', '领取卡券'] },
  'pages/mine/index': { texts: ['138****0001', '切换身份', '杭州云栖数字科技有限公司', '退出登录'] },
  'packages/account/pages/login/index': { texts: ['登录信用通', '微信一键登录'] },
  'packages/account/pages/real-name/index': { texts: ['已实名认证', '330106********0012'] },
  'packages/account/pages/privacy/index': { texts: ['信用通隐私政策', '一、我们收集哪些信息'] },
  'packages/account/pages/access-log/index': { texts: ['杭州市文明办', '“最美杭州人”评选信用审查'] },
  'packages/credit/pages/records/index': { texts: ['杭州市优秀志愿者（第 1 条）', '杭州市上城区消防救援大队', '决定日期 2026-06-26'] },
  'packages/credit/pages/detail/index': { query: { id: 'rec-2' }, texts: ['决定文书号', '杭上消行罚决字〔 2026 〕 0003号', '来源部门', '杭州市上城区消防救援大队', '状态变更记录'] },
  'packages/credit/pages/score/index': { texts: ['基础分', '计分明细', '见义勇为先进个人（第 4 条 ）'] },
  'packages/incentives/pages/detail/index': { query: { id: 'travel-lingyin' }, texts: ['灵隐景区门票优惠', '享受条件', '领取信易游卡券'] },
  'packages/incentives/pages/vouchers/index': { texts: ['门票优惠', '可使用', '灵隐景区'] },
  'packages/incentives/pages/voucher/index': { query: { id: 'v-1' }, texts: [VOUCHER_CODE, '可使用', '作废此卡券'] },
  'packages/incentives/pages/grants/index': { texts: ['免押资格码', 'G7QM2XRD'] },
  'packages/incentives/pages/authorizations/index': { texts: ['杭州公共自行车公司', '授权中', '撤销授权'] },
  'packages/incentives/pages/certificate/index': { texts: ['资格证明', '守信红名单：优秀志愿者'] },
  'packages/staff/pages/verify/index': { texts: ['扫码核销', '西湖风景名胜区灵隐景区'] },
  'packages/staff/pages/grant-check/index': { texts: ['扫码查验', '查验机构'] },
  'packages/messages/pages/index/index': { texts: [`${UNREAD} 条未读`, '全部已读', '异议申请已受理（消息 1）', '查看详情 ›'] },
  'packages/commitments/pages/index/index': { texts: ['企业诚信经营承诺书', '去签署'] },
  'packages/commitments/pages/sign/index': { query: { id: 'tpl-public-integrity' }, texts: ['本单位郑重承诺', '手写签名', '确认签署'] },
  'packages/commitments/pages/receipt/index': { query: { id: 'c-1' }, texts: [RECEIPT_NO, '企业诚信经营承诺书'] },
  'packages/commitments/pages/mine/index': { texts: [RECEIPT_NO, '查看回执'] },
  'packages/commitments/pages/public/index': { texts: ['杭州云栖数字科技有限公司', '核验回执'] },
  'packages/commitments/pages/verify/index': { query: { no: RECEIPT_NO }, texts: ['回执有效', '法定代表人'] },
  'packages/repair/pages/planner/index': { texts: ['当前信用分', '信用修复免费办理', '经营场所未保持疏散通道畅通', '申请修复', '我的修复申请'] },
  'packages/repair/pages/apply/index': { query: { recordId: 'rec-2' }, texts: ['选择要修复的记录', '上传履行证明', '签署信用修复承诺书', '提交修复申请'] },
  'packages/repair/pages/applications/index': { texts: ['经营场所未保持疏散通道畅通', '审核中'] },
  'packages/repair/pages/application/index': { query: { id: 'r-1' }, texts: ['办理进度', '平台审核', '申请材料'] },
  'packages/officer/pages/repairs/index': { texts: ['无权限'] },
  'packages/officer/pages/repair/index': { query: { id: 'r-1' }, texts: ['无权限'] },
  'packages/public/pages/lists/index': { texts: ['红名单', '杭州绿源环保科技有限公司', '诚信典型', '公示截止', '举报失信 ›'] },
  'packages/cases/pages/report-form/index': { texts: ['举报人信息严格保密', '举报类别', '拖欠工资', '提交举报'] },
  'packages/cases/pages/reports/index': { texts: ['杭州云栖数字科技有限公司', '已提交', '拖欠工资'] },
  'packages/cases/pages/report/index': { query: { id: 'r-1' }, texts: ['办理进度', '应于 2026-12-07 前办理', '该公司拖欠施工班组三个月工资，多次催要未果。'] },
  'packages/cases/pages/registration-form/index': { texts: ['信息类别', '公益慈善', '签署真实性承诺书', '提交核验'] },
  'packages/cases/pages/registrations/index': { texts: ['社区助老志愿服务项目', '核验中'] },
  'packages/cases/pages/registration/index': { query: { id: 'g-1' }, texts: ['社区助老志愿服务项目', '核验进度', 'CP20261130ABCDEFGH'] },
  'packages/credit/pages/objection-new/index': { texts: ['未指定记录'] },
  'packages/credit/pages/objection/index': { texts: ['未指定异议'] },
  'packages/public/pages/lists/index': { texts: ['红名单', '杭州绿源环保科技有限公司', '诚信典型', '公示截止'] },
  'packages/public-service/pages/tasks/index': { texts: ['我的预约', '湖滨步行街环境清洁', '剩余 17 / 20 个名额'] },
  'packages/public-service/pages/task/index': { query: { id: 'task-1' }, texts: ['任务说明', '清理步行街沿线的垃圾和小广告。', '预约报名'] },
  'packages/public-service/pages/bookings/index': { texts: ['湖滨步行街环境清洁', '已预约', '取消预约'] },
  'packages/public-service/pages/scan/index': { texts: ['扫码签到', '二维码下方的 6 位数字'] },
  'packages/public-service/pages/redeem/index': { texts: ['时长码（12 位字母和数字）', '兑换'] },
  'packages/public-service/pages/hours/index': { texts: ['已确认的公益时长', '再服务 1 小时可加 1 分', '时长码兑换'] },
  // the signed-in fixture user is a citizen: the organizer pages say so
  'packages/organizer/pages/tasks/index': { texts: ['无权限', '仅限公益组织者使用'] },
  'packages/public/pages/report-verify/index': { query: { number: REPORT_NO }, texts: ['凭编号和核验码查询', '上传 PDF 比对', '选择 PDF 文件（从聊天中选择）'] },
  'packages/reports/pages/index/index': { texts: ['生成信用报告', '我的报告', REPORT_NO, '已生成'] },
  'packages/reports/pages/generate/index': { texts: ['报告类型', '公共信用信息报告', '生成公共信用信息报告'] },
  'packages/reports/pages/detail/index': { query: { id: 'r-1' }, texts: [REPORT_NO, 'K7P2QX', '打开报告', 'ab12ab12ab12ab12'] },
}

// A layout for the windowed lists (the harness has none): the record list and the message centre,
// cards 180 px high below 300 px of filters or heading, the page scrolled to `scroll.top`. The list
// measures its chunks (#records-0, #records-1…, #messages-0…) with it.
const CARD_PX = 180
const LIST_TOP_PX = 300
const VIEWPORT_PX = 750

function recordListLayout() {
  const scroll = { top: 0 }
  const layout = {
    scrollTop: () => scroll.top,
    rect(selector) {
      if (selector === '#records' || selector === '#messages') return { top: LIST_TOP_PX - scroll.top }
      const chunk = /^#(?:records|messages)-(\d+)$/.exec(selector)
      // chunks of 10 cards (the list loads pages of 20, so every chunk is full)
      if (chunk) return { top: LIST_TOP_PX + Number(chunk[1]) * 10 * CARD_PX - scroll.top, height: 10 * CARD_PX }
      return null
    },
  }
  return { scroll, layout }
}

/** Creates a `respond` for the harness; `requests` collects { method, path } of every call. */
function createResponder() {
  const requests = []
  const unanswered = []
  function respond(req) {
    const url = new URL(String(req.url), 'http://127.0.0.1')
    requests.push({ method: req.method, path: url.pathname })
    let body = req.data
    if (typeof body === 'string') try { body = JSON.parse(body) } catch { /* not JSON */ }
    const data = answer(req.method, url, body || {})
    if (data === undefined || data === null) {
      unanswered.push(`${req.method} ${url.pathname}`)
      return { statusCode: 404, data: JSON.stringify({ error: { code: 'NOT_FOUND', message: '内容不存在或无权查看' } }) }
    }
    return { statusCode: 200, data: JSON.stringify(data) }
  }
  return { respond, requests, unanswered }
}

/** What a signed-in, consented user has in storage. */
function signIn(storage) {
  const persisted = (state) => JSON.stringify({ state, version: 0 })
  storage.set('creditpass-consent', persisted({ acceptedVersion: PRIVACY_POLICY_VERSION, acceptedAt: '2026-11-01T00:00:00.000Z' }))
  storage.set('creditpass-auth', persisted({ accessToken: 'access-1', refreshToken: 'refresh-1', user, actingFor: null }))
}

module.exports = { createResponder, signIn, record, message, user, recordListLayout, PAGES, RECORDS, MESSAGES, UNREAD, PAGE, USCC, VOUCHER_CODE, RECEIPT_NO, CARD_PX, LIST_TOP_PX, VIEWPORT_PX }
