// A voucher in 我的卡券: the spot, the benefit, the visit date and its status in colour and words.
import { Text, View } from '@tarojs/components'
import { formatDateTime, formatVisitDate } from '../../../../features/incentives/dates'
import { voucherTone } from '../../../../features/incentives/labels'
import type { Voucher } from '../../../../services/incentives-api'
import './index.scss'

export default function VoucherCard({ voucher, onOpen }: { voucher: Voucher; onOpen: (v: Voucher) => void }) {
  const live = voucher.status === 'available'
  return (
    <View
      className={`card voucher-card ${live ? '' : 'voucher-card-off'}`}
      role='link'
      data-voucher={voucher.id}
      aria-label={`${voucher.spot}，${voucher.benefit.name}，${voucher.visitDate}，${voucher.statusText}`}
      onClick={() => onOpen(voucher)}
    >
      <View className='voucher-card-stub'>
        <Text className='voucher-card-kind'>信易游</Text>
        <Text className='voucher-card-benefit'>{voucher.benefit.name}</Text>
      </View>
      <View className='voucher-card-body'>
        <View className='voucher-card-head'>
          <Text className='voucher-card-spot'>{voucher.spot}</Text>
          <Text className={`tag tag-${voucherTone(voucher.status)}`}>{voucher.statusText}</Text>
        </View>
        <Text className='voucher-card-line'>{voucher.benefit.detail}</Text>
        <Text className='voucher-card-line'>游览日期 {formatVisitDate(voucher.visitDate)}</Text>
        {voucher.usedAt && (
          <Text className='voucher-card-line'>
            {formatDateTime(voucher.usedAt)} 于 {voucher.usedPlace} 核销
          </Text>
        )}
      </View>
    </View>
  )
}
