// Report data for tests and previews: a person with an entry under objection and a repaired one.
import type { ReportData, ReportEntry } from './types'

const entry = (over: Partial<ReportEntry>): ReportEntry => ({
  id: 'rec-1', kind: '行政处罚', polarity: 'negative', severity: '一般', title: '经营场所未保持疏散通道畅通',
  content: '当事人占用、堵塞疏散通道，处罚款人民币伍仟元整。', department: '杭州市上城区消防救援大队',
  documentNo: '杭上消行罚决字〔2026〕0128号', legalBasis: '《中华人民共和国消防法》第二十八条、第六十条第一款第三项',
  decisionDate: '2026-07-03', publicityStart: '2026-07-03', publicityEnd: '2027-07-03', status: '公示中', listName: null,
  history: [{ at: '2026-07-03T01:00:00.000Z', actor: '杭州市上城区消防救援大队', status: '公示中', reason: '依法作出决定并向社会公示' }],
  ...over,
})

export function sampleReport(over: Partial<ReportData> = {}): ReportData {
  return {
    kind: 'full', number: 'BG20261130ABCD2345', verificationCode: 'K7P2QX', generatedAt: new Date('2026-11-30T02:00:00Z'),
    validUntil: '2026-12-30', verifyUrl: 'http://127.0.0.1:3000/#/packages/public/pages/report-verify/index?number=BG20261130ABCD2345',
    subject: { kind: 'person', name: '李*', identifier: '110105********002X' },
    score: { score: 570, level: '一般', base: 600, factors: [{ points: -50, reason: '−50 因为 《经营场所未保持疏散通道畅通》杭上消行罚决字〔2026〕0128号（公示至 2027-07-03）' }, { points: 20, reason: '+20 因为 《社区志愿服务 4 小时》' }] },
    entries: [
      entry({}),
      entry({
        id: 'rec-2', kind: '合同履约', severity: '一般', title: '公共租赁住房租金逾期未缴', department: '杭州市住房保障和房产管理局', documentNo: '杭房保〔2026〕47号',
        legalBasis: '《公共租赁住房管理办法》第三十五条', status: '异议中', decisionDate: '2026-10-26', publicityStart: '2026-10-26', publicityEnd: '2027-04-26',
        content: '记录显示当事人承租的公租房租金逾期 6 个月未缴。',
        history: [
          { at: '2026-10-26T01:00:00.000Z', actor: '杭州市住房保障和房产管理局', status: '公示中', reason: '依法作出决定并向社会公示' },
          { at: '2026-11-20T06:30:00.000Z', actor: '信用主体本人', status: '异议中', reason: '本人提出异议：租金已按月缴纳，记录有误' },
        ],
      }),
      entry({
        id: 'rec-3', severity: '轻微', title: '占道经营', department: '杭州市上城区城市管理局', documentNo: '杭上城管罚〔2026〕9号', status: '已修复', legalBasis: '《城市市容和环境卫生管理条例》第十七条',
        decisionDate: '2026-03-01', publicityStart: '2026-03-01', publicityEnd: '2026-06-01', content: '当事人在人行道摆摊经营，责令改正并处警告。',
        history: [
          { at: '2026-03-01T01:00:00.000Z', actor: '杭州市上城区城市管理局', status: '公示中', reason: '依法作出决定并向社会公示' },
          { at: '2026-05-10T02:00:00.000Z', actor: '杭州市信用办', status: '已修复', reason: '已履行处罚决定并提交信用修复承诺，准予修复，停止公示' },
        ],
      }),
    ],
    ...over,
  }
}
