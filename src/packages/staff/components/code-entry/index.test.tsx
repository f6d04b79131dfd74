import { act, fireEvent, render, screen } from '@testing-library/react'
import { scanQrCode } from '../../scan'
import CodeEntry from '.'

jest.mock('../../scan', () => ({ canScan: true, scanQrCode: jest.fn() }))
const scan = scanQrCode as jest.MockedFunction<typeof scanQrCode>

describe('code entry: scanning', () => {
  it('when the camera is refused, then the reason shows in Chinese and the code can still be typed', async () => {
    scan.mockRejectedValue(new Error('未获得相机权限：请在浏览器设置中允许本网站使用相机，或手动输入下方的码'))
    const onCode = jest.fn().mockResolvedValue(true)
    render(<CodeEntry codeName='卡券码' scanText='扫码核销' submitText='核销' busy={false} onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫码核销'))
    })
    expect(screen.getByRole('alert').textContent).toMatch(/^未获得相机权限/)
    const input = await screen.findByLabelText('卡券码')
    fireEvent.input(input, { target: { value: 'k7qm-2xrd-9pta' } })
    await act(async () => {
      fireEvent.click(screen.getByText('核销'))
    })
    expect(onCode).toHaveBeenCalledWith('K7QM-2XRD-9PTA')
  })

  it('when a code is scanned, then it is handled', async () => {
    scan.mockResolvedValue(' K7QM-2XRD-9PTA ')
    const onCode = jest.fn().mockResolvedValue(true)
    render(<CodeEntry codeName='卡券码' scanText='扫码核销' submitText='核销' busy={false} onCode={onCode} />)
    await act(async () => {
      fireEvent.click(screen.getByText('扫码核销'))
    })
    expect(onCode).toHaveBeenCalledWith('K7QM-2XRD-9PTA')
    expect(screen.queryByRole('alert')).toBeNull()
  })
})
