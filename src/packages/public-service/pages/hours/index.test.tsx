import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import * as api from '../../../../services/public-service-api'
import { useAuthStore } from '../../../../stores/auth'
import { useConsentStore } from '../../../../stores/consent'
import { hours } from '../../../../features/public-service/testing/fixtures'
import { loginResponse, profile, settle } from '../../../../../test/jest/fixtures'
import HoursPage from '.'

jest.mock('../../../../services/public-service-api', () => ({ ...jest.requireActual('../../../../services/public-service-api'), fetchHours: jest.fn() }))
const fetchHours = api.fetchHours as jest.MockedFunction<typeof api.fetchHours>

beforeEach(() => {
  fetchHours.mockReset()
  useConsentStore.getState().accept()
  useAuthStore.getState().setSession(loginResponse())
})

describe('我的公益时长', () => {
  it('shows the confirmed total, the points it adds, the hours to the next point, and each entry with its source and unbreakable dates', async () => {
    fetchHours.mockResolvedValue(hours())
    render(<HoursPage />)
    await act(settle)
    expect(screen.getByLabelText('累计 7 小时')).toBeTruthy()
    expect(screen.getByText('+7 分（最多 60 分）')).toBeTruthy()
    expect(screen.getByText(/再服务 1 小时可加 1 分/)).toBeTruthy()
    const line = (text: string) => screen.getByText((_, el) => Boolean(el?.classList.contains('ps-task-line') && el.textContent === text))
    expect(line('来源：时长码兑换 · 2026-11-28 14:00')).toBeTruthy()
    const corrected = line('来源：参加公益任务 · 2026-11-20 13:00（2026-11-21 10:00 经组织方更正）')
    // each date and time an unbreakable field: 长辈模式 wraps between them, never inside "13:00"
    expect(Array.from(corrected.querySelectorAll('.ps-nowrap'), (e) => e.textContent)).toEqual(['2026-11-20', '13:00', '2026-11-21', '10:00'])
    expect(screen.getByText('+4 小时')).toBeTruthy()
    fireEvent.click(screen.getByText('报名公益任务'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/public-service/pages/tasks/index' })
  })

  it('at the cap it says hours still count (for repair) but add no more points; with none yet it says how to earn them', async () => {
    fetchHours.mockResolvedValue(hours({ total: 0, points: 0, hoursToNextPoint: 1, items: [] }))
    const { unmount } = render(<HoursPage />)
    await act(settle)
    expect(screen.getByText('还没有已确认的公益时长')).toBeTruthy()
    unmount()
    fetchHours.mockResolvedValue(hours({ total: 250, points: 60, hoursToNextPoint: null }))
    render(<HoursPage />)
    await act(settle)
    expect(screen.getByText(/加分已达上限，继续服务仍计入时长/)).toBeTruthy()
  })

  it('before real-name binding it asks for it and loads nothing', async () => {
    useAuthStore.getState().setSession(loginResponse(profile({ realNameVerified: false, subjects: [] })))
    render(<HoursPage />)
    await act(settle)
    expect(screen.getByText('请先完成实名认证')).toBeTruthy()
    expect(fetchHours).not.toHaveBeenCalled()
  })
})
