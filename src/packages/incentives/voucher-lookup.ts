// One voucher by id, fresh from the server (its status changes at the gate). The API lists
// vouchers by status only, so look among the usable ones first, then the history.
import { ApiError } from '../../services/api-error'
import { fetchVouchers, type Voucher } from '../../services/incentives-api'

export async function loadVoucher(id: string): Promise<Voucher> {
  for (const status of ['available', 'history'] as const) {
    const found = (await fetchVouchers(status)).items.find((v) => v.id === id)
    if (found) return found
  }
  throw new ApiError('NOT_FOUND', '卡券不存在或无权查看', 404)
}
