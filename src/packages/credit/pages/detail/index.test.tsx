import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as creditApi from '../../../../services/credit-api'
import * as repairsApi from '../../../../services/repairs-api'
import { ApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { __setRouterParams } from '../../../../../test/jest/taro-mock'
import { creditRecord, emptyOverview, loginResponse, overview, pending, recordDetail, resetModuleMocks, settle } from '../../../../../test/jest/fixtures'
import RecordDetailPage from '.'

jest.mock('../../../../services/credit-api')
jest.mock('../../../../services/repairs-api')
const api = creditApi as jest.Mocked<typeof creditApi>

const liOverview = () =>
  overview({
    score: 570,
    level: '一般',
    redList: [],
    factors: [
      {
        recordId: 'rec-li-fire-penalty',
        points: -50,
        reason: '因“经营场所未保持疏散通道畅通”（杭上消行罚决字〔2026〕0128号）减 50 分，公示期到 2027 年 6 月 26 日，期满后不再扣分',
        record: { id: 'rec-li-fire-penalty', title: '经营场所未保持疏散通道畅通', documentNo: '杭上消行罚决字〔2026〕0128号', department: '杭州市上城区消防救援大队', publicityEnd: '2027-06-26' },
      },
    ],
  })

beforeEach(() => {
  resetModuleMocks(creditApi)
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
  __setRouterParams({ id: 'rec-li-fire-penalty' })
})

describe('记录详情', () => {
  it('while loading, then a skeleton shows', async () => {
    api.fetchRecord.mockReturnValue(pending())
    api.fetchOverview.mockReturnValue(pending())
    render(<RecordDetailPage />)
    await act(settle)
    expect(screen.getByLabelText('正在加载记录详情')).toBeTruthy()
  })

  it('shows every field, the content, whether it counts, and the status history as a timeline', async () => {
    api.fetchRecord.mockResolvedValue(
      recordDetail({
        status: '异议中',
        history: [
          { at: '2026-06-26T01:00:00.000Z', actor: '杭州市上城区消防救援大队', status: '公示中', reason: '依法作出决定并向社会公示' },
          { at: '2026-11-20T06:30:00.000Z', actor: '李**', status: '异议中', reason: '当事人提出异议，核查期间暂停使用' },
        ],
      }),
    )
    api.fetchOverview.mockResolvedValue(overview({ factors: [], suspended: [{ recordId: 'rec-li-fire-penalty', reason: '异议核查中，暂不计分', title: '经营场所未保持疏散通道畅通' }] }))
    render(<RecordDetailPage />)
    await act(settle)
    expect(api.fetchRecord).toHaveBeenCalledWith('rec-li-fire-penalty')
    const field = (label: string) => screen.getByText(label).nextSibling?.textContent
    expect(field('类别')).toBe('行政处罚')
    expect(field('性质')).toBe('负面信息')
    expect(field('严重程度')).toBe('情节一般')
    expect(field('决定文书号')).toBe('杭上消行罚决字〔2026〕0128号')
    expect(field('来源部门')).toBe('杭州市上城区消防救援大队')
    expect(field('法律依据')).toBe('《中华人民共和国消防法》第二十八条')
    expect(field('决定日期')).toBe('2026-06-26')
    expect(field('公示期')).toBe('2026-06-26 至 2027-06-26')
    expect(field('应履行义务')).toBe('缴纳罚款 5,000 元')
    expect(field('履行情况')).toBe('已履行（2026-07-08，来源：部门推送）')
    expect(screen.getByText('当事人经营的建国五金店占用、堵塞疏散通道，处罚款人民币伍仟元整。')).toBeTruthy()
    expect(screen.getByText('暂不计入信用评分')).toBeTruthy()
    expect(screen.getByText('异议核查中，暂不计分')).toBeTruthy()

    const steps = screen.getAllByRole('listitem')
    expect(steps).toHaveLength(2)
    expect(steps[0].textContent).toContain('当事人提出异议，核查期间暂停使用')
    expect(steps[0].textContent).toContain('2026-11-20 14:30')
    expect(steps[1].textContent).toContain('依法作出决定并向社会公示')
    expect(steps[1].textContent).toContain('2026-06-26 09:00')
    // 异议 is not offered until that page exists; repair only where the record can be repaired now.
    expect(screen.queryByText('提出异议')).toBeNull()
    expect(screen.queryByText('申请信用修复')).toBeNull()
  })

  it('a negative record says whether, how and from when it can be repaired, what is missing, and leads to the planner', async () => {
    api.fetchRecord.mockResolvedValue(recordDetail())
    api.fetchOverview.mockResolvedValue(overview())
    const item = {
      recordId: 'rec-li-fire-penalty', state: 'later' as const, eligibleFrom: '2026-09-26', missing: ['还需参加公益服务 4 小时（已确认 6 / 需 10 小时）'],
      obligationMet: true, hoursRequired: 10, hoursConfirmed: 6, scoreNow: 570, scoreAfter: 620, title: '经营场所未保持疏散通道畅通', severity: '一般' as const, status: '公示中',
      repairAfterMonths: 3, lastRejection: null,
    }
    jest.mocked(repairsApi.fetchEligibility).mockResolvedValue({ items: [item] })
    render(<RecordDetailPage />)
    await act(settle)
    const section = screen.getByLabelText('信用修复')
    expect(section.textContent).toContain('暂不可申请')
    expect(section.textContent).toContain('一般失信信息公示满 3 个月后可申请修复，2026-09-26 起可申请')
    expect(section.textContent).toContain('还缺：还需参加公益服务 4 小时（已确认 6 / 需 10 小时）')
    expect(section.textContent).toContain('修复后信用分预计由 570 分变为 620 分')
    expect(section.textContent).toContain('信用修复免费办理')
    expect(screen.queryByText('申请信用修复')).toBeNull()
    fireEvent.click(screen.getByText('查看修复规划'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/repair/pages/planner/index' })
  })

  it('when the record counts, then the note gives its points and the reason', async () => {
    api.fetchRecord.mockResolvedValue(recordDetail())
    api.fetchOverview.mockResolvedValue(liOverview())
    render(<RecordDetailPage />)
    await act(settle)
    expect(screen.getByText('计入信用评分 −50 分')).toBeTruthy()
    const reason = '因“经营场所未保持疏散通道畅通”（杭上消行罚决字〔2026〕0128号）减 50 分，公示期到 2027 年 6 月 26 日，期满后不再扣分'
    expect(screen.getByText((_, el) => Boolean(el?.classList.contains('detail-note-text') && el.textContent === reason))).toBeTruthy()
  })

  it('with the optional fields empty and no history, then each says so rather than leaving a blank', async () => {
    api.fetchRecord.mockResolvedValue({
      ...creditRecord({ kind: '志愿服务', polarity: 'positive', severity: null, documentNo: null, legalBasis: null, publicityEnd: null, status: '已到期' }),
      history: [],
      objection: null,
      obligation: { duty: null, metOn: null, source: null },
    })
    api.fetchOverview.mockResolvedValue(emptyOverview())
    render(<RecordDetailPage />)
    await act(settle)
    const field = (label: string) => screen.getByText(label).nextSibling?.textContent
    expect(field('严重程度')).toBe('不适用（正面信息）')
    expect(field('决定文书号')).toBe('无')
    expect(field('法律依据')).toBe('未提供')
    expect(field('公示期')).toBe('2026-06-26 至 长期')
    expect(screen.getByText('暂无状态变更')).toBeTruthy()
    expect(screen.getByText('不计入信用评分')).toBeTruthy()
    expect(screen.queryByText('应履行义务')).toBeNull() // a positive record obliges nothing
  })

  it.each([
    [{ duty: '改正预包装食品标签（补标生产许可证编号）', metOn: null, source: null }, '改正预包装食品标签（补标生产许可证编号）', '尚未查到履行记录'],
    [{ duty: '缴纳罚款 800 元', metOn: '2026-11-30', source: '修复审核确认' as const }, '缴纳罚款 800 元', '已履行（2026-11-30，来源：修复审核确认）'],
    [{ duty: null, metOn: null, source: null }, '无', '无需履行'],
  ])('a negative record shows what it obliges and whether that is met (%#)', async (obligation, duty, fulfilment) => {
    api.fetchRecord.mockResolvedValue(recordDetail({ obligation }))
    api.fetchOverview.mockResolvedValue(overview())
    render(<RecordDetailPage />)
    await act(settle)
    const field = (label: string) => screen.getByText(label).nextSibling?.textContent
    expect([field('应履行义务'), field('履行情况')]).toEqual([duty, fulfilment])
  })

  it('when the record is not the subject’s (404), then it says so and offers 返回, not 重试', async () => {
    api.fetchRecord.mockRejectedValue(new ApiError('NOT_FOUND', '信用记录不存在', 404))
    api.fetchOverview.mockResolvedValue(overview())
    render(<RecordDetailPage />)
    await act(settle)
    expect(screen.getByText('记录不存在或无权查看')).toBeTruthy()
    expect(screen.getByText('返回')).toBeTruthy()
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('when loading fails, then 重试 loads it again', async () => {
    api.fetchRecord.mockRejectedValueOnce(new ApiError('SERVER_ERROR', '服务暂时不可用，请稍后重试', 503)).mockResolvedValue(recordDetail())
    api.fetchOverview.mockResolvedValue(liOverview())
    render(<RecordDetailPage />)
    await act(settle)
    expect(screen.getByText('记录加载失败')).toBeTruthy()
    fireEvent.click(screen.getByText('重试'))
    await act(settle)
    expect(screen.getByText('经营场所未保持疏散通道畅通')).toBeTruthy()
  })

  it('when the overview fails, then the record still shows, without the note', async () => {
    api.fetchRecord.mockResolvedValue(recordDetail())
    api.fetchOverview.mockRejectedValue(new ApiError('NETWORK_ERROR', '网络连接失败，请检查网络后重试'))
    render(<RecordDetailPage />)
    await act(settle)
    expect(screen.getByText('经营场所未保持疏散通道畅通')).toBeTruthy()
    expect(screen.queryByText(/计入信用评分/)).toBeNull()
  })
})
