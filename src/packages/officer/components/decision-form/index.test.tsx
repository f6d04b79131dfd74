import { fireEvent, render, screen } from '@testing-library/react'
import DecisionForm from '.'

const record = { title: '拖欠公租房租金', content: '拖欠租金三个月', documentNo: '杭房〔2026〕1号', severity: '一般' as const, polarity: 'negative' as const }
const type = (label: string, value: string) => fireEvent.input(screen.getByLabelText(label), { target: { value }, detail: { value } })

describe('作出决定', () => {
  it('without an outcome or reasons, then it says what is missing and sends nothing', () => {
    const onSubmit = jest.fn()
    render(<DecisionForm record={record} onSubmit={onSubmit} />)
    fireEvent.click(screen.getByText('提交决定'))
    expect(screen.getByText('请选择处理结果：更正、撤销或维持')).toBeTruthy()
    fireEvent.click(screen.getByRole('radio', { name: /撤销/ }))
    type('决定理由', '   ')
    fireEvent.click(screen.getByText('提交决定'))
    expect(screen.getByText('请填写决定理由，理由将告知信用主体')).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
  })

  it('撤销 with reasons sends the outcome and the trimmed reasons', () => {
    const onSubmit = jest.fn()
    render(<DecisionForm record={record} onSubmit={onSubmit} />)
    fireEvent.click(screen.getByRole('radio', { name: /撤销/ }))
    type('决定理由', ' 经核查，租金已按期缴清。 ')
    fireEvent.click(screen.getByText('提交决定'))
    expect(onSubmit).toHaveBeenCalledWith({ outcome: 'revoke', reasons: '经核查，租金已按期缴清。' })
  })

  it('更正 needs at least one corrected field and sends only those filled', () => {
    const onSubmit = jest.fn()
    render(<DecisionForm record={record} onSubmit={onSubmit} />)
    fireEvent.click(screen.getByRole('radio', { name: /更正/ }))
    type('决定理由', '文书号录入错误。')
    fireEvent.click(screen.getByText('提交决定'))
    expect(screen.getByText('更正记录时，请填写要更正的内容（标题、内容、文书号或失信程度）')).toBeTruthy()
    expect(onSubmit).not.toHaveBeenCalled()
    expect(screen.getByLabelText('更正后的决定文书号').getAttribute('placeholder')).toBe('杭房〔2026〕1号')
    type('更正后的决定文书号', '杭房〔2026〕2号')
    fireEvent.click(screen.getByRole('radio', { name: '轻微' }))
    fireEvent.click(screen.getByText('提交决定'))
    expect(onSubmit).toHaveBeenCalledWith({ outcome: 'correct', reasons: '文书号录入错误。', correction: { documentNo: '杭房〔2026〕2号', severity: '轻微' } })
  })

  it('shows the server\'s refusal', () => {
    render(<DecisionForm record={record} error='该异议已办结，不能再次处理' onSubmit={jest.fn()} />)
    expect(screen.getByRole('alert').textContent).toBe('该异议已办结，不能再次处理')
  })
})
