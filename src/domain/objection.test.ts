import { currentDue, isOverdue, objectionDeadlines, refuseAction, validateObjection } from './objection'
import { packageYears, WorkingCalendar } from './working-days'

const calendar = new WorkingCalendar(packageYears(2004, 2026))
const text = '该欠缴记录所涉款项已于当月缴清，附缴费凭证。'

describe('filing an objection', () => {
  it('accepts a reason, a description of 10–500 characters and up to 9 files', () => {
    expect(validateObjection({ reason: 'wrong_info', description: `  ${text}  `, attachmentIds: [] })).toEqual({
      ok: true, value: { reason: 'wrong_info', description: text, attachmentIds: [] },
    })
  })

  it.each([
    [{ reason: 'because', description: text, attachmentIds: [] }, '请选择异议理由'],
    [{ reason: 'other', description: '太短了', attachmentIds: [] }, '至少 10 个字'],
    [{ reason: 'other', description: '长'.repeat(501), attachmentIds: [] }, '不能超过 500 个字'],
    [{ reason: 'other', description: text, attachmentIds: Array.from({ length: 10 }, (_, i) => `u${i}`) }, '最多 9 个文件'],
    [{ reason: 'other', description: text, attachmentIds: ['u1', 'u1'] }, '重复'],
    [{ reason: 'not_me', description: text, attachmentIds: [] }, '以“非本人”为由提出异议，请上传证明材料'],
    [{ reason: 'revoked_or_changed', description: text, attachmentIds: [] }, '请上传证明材料'],
  ])('refuses %o', (input, message) => {
    const r = validateObjection(input)
    expect(r.ok).toBe(false)
    expect(!r.ok && r.message).toContain(message)
  })
})

describe('deadlines in working days', () => {
  it('filed on Tuesday 2025-09-30: transfer by 10-10, decision by 10-14 (National Day and its make-up Saturday)', () => {
    const d = objectionDeadlines(calendar, '2025-09-30')
    expect(d.transfer).toEqual({ date: '2025-10-10', estimated: false })
    expect(d.decision).toEqual({ date: '2025-10-14', estimated: false })
    expect(d.department).toBeNull()
  })

  it('transferred on Friday 2025-10-10: the department decides by 10-16 (Saturday 10-11 is a make-up workday)', () => {
    expect(objectionDeadlines(calendar, '2025-09-30', '2025-10-10').department).toEqual({ date: '2025-10-16', estimated: false })
  })

  it('filed on 2026-12-30: the deadlines reach into 2027 and are marked estimated', () => {
    const d = objectionDeadlines(calendar, '2026-12-30')
    expect(d.transfer).toEqual({ date: '2027-01-04', estimated: true })
    expect(d.decision).toEqual({ date: '2027-01-07', estimated: true })
  })

  it('the due date that matters follows the state; overdue only after the due day', () => {
    const d = objectionDeadlines(calendar, '2025-09-30', '2025-10-10')
    expect(currentDue('核查中', d)?.date).toBe('2025-10-14')
    expect(currentDue('已转办', d)?.date).toBe('2025-10-16')
    expect(currentDue('已办结', d)).toBeNull()
    expect(isOverdue(currentDue('已转办', d), '2025-10-16')).toBe(false)
    expect(isOverdue(currentDue('已转办', d), '2025-10-17')).toBe(true)
  })
})

describe('officer actions by state', () => {
  it.each([
    ['已提交', 'accept', null],
    ['核查中', 'transfer', null],
    ['核查中', 'decide', null],
    ['已转办', 'decide', null],
    ['已提交', 'decide', '请先受理该异议，再作出决定'],
    ['已提交', 'transfer', '请先受理该异议，再转办'],
    ['已转办', 'transfer', '该异议已转办，不能重复转办'],
    ['核查中', 'accept', '该异议当前为“核查中”，不能受理核查'],
    ['已办结', 'decide', '该异议已办结，不能再次处理'],
    ['已办结', 'accept', '该异议已办结，不能再次处理'],
  ] as const)('%s → %s: %s', (status, action, refusal) => {
    expect(refuseAction(status, action)).toBe(refusal)
  })
})
