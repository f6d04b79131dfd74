// What to do when the identity on screen cannot claim an item: acting for an enterprise, a
// personal incentive is not claimable, so say so up front and switch back to oneself in one tap
// (the server refuses such a claim with the same reason).
import { Text, View } from '@tarojs/components'
import type { ITouchEvent } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import { actAs } from '../../../account/switch-subject'
import { toast } from '../../../../platform/feedback'
import type { Incentive } from '../../../../services/incentives-api'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

/** true when the identity the app acts as is not the one the item is for. */
export function useWrongAudience(item: Pick<Incentive, 'audience'>): boolean {
  const actingFor = useAuthStore((s) => s.actingFor)
  return (item.audience === 'person') === Boolean(actingFor)
}

export default function AudienceSwitch({ item, compact = false }: { item: Pick<Incentive, 'audience'>; compact?: boolean }) {
  const user = useAuthStore((s) => s.user)
  const self = user?.subjects.find((s) => s.kind === 'person')
  const wrong = useWrongAudience(item)
  if (!wrong || item.audience !== 'person') return null

  const switchToSelf = (e?: ITouchEvent) => {
    e?.stopPropagation() // inside a card that opens the detail on tap
    if (!self) return
    actAs(self)
    toast('已切换为本人身份')
  }

  return (
    <View className={`audience-switch ${compact ? 'audience-switch-compact' : 'card'}`} data-audience-switch>
      {!compact && <Text className='section-title'>该激励面向个人</Text>}
      <Text className='audience-switch-text'>您正以企业身份查看，个人激励不能以企业名义领取。切换为本人身份后即可查看本人是否符合条件并领取。</Text>
      {self && (
        <ActionButton kind={compact ? 'secondary' : 'primary'} className='audience-switch-button' onClick={switchToSelf}>
          切换为本人身份
        </ActionButton>
      )}
    </View>
  )
}
