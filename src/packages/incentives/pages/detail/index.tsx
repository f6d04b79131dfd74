// An incentive's detail (a scenic spot or a partner): benefits, address, hours, deposit, limits,
// how to use it, whether the user may and why, and the claim: a voucher, a grant, or how to use it
// in person.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect } from 'react'
import Icon from '../../../../components/icon'
import StateView from '../../../../components/state-view'
import AudienceSwitch, { useWrongAudience } from '../../../../features/incentives/components/audience-switch'
import EligibilityNote from '../../../../features/incentives/components/eligibility-note'
import { categoryIcon } from '../../../../features/incentives/labels'
import { fetchIncentive, type Incentive } from '../../../../services/incentives-api'
import GrantClaim from '../../components/grant-claim'
import ActionButton from '../../../../components/action-button'
import { passUrl } from '../../../../features/incentives/routes'
import { openPage } from '../../../../platform/navigation'
import InfoRows from '../../components/info-rows'
import VoucherClaim from '../../components/voucher-claim'
import PageShell from '../../../../components/page-shell'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import './index.scss'

function Detail({ item }: { item: Incentive }) {
  const wrongAudience = useWrongAudience(item)
  useEffect(() => {
    void Taro.setNavigationBarTitle({ title: item.name })
  }, [item.name])
  return (
    <>
      <View className='card detail-head'>
        <View className='detail-title-row'>
          <View className='detail-icon'>
            <Icon className='detail-icon-img' src={categoryIcon(item.category)} />
          </View>
          <View className='detail-title-box'>
            <Text className='detail-title'>{item.name}</Text>
            <Text className='detail-provider'>
              {item.categoryName} · {item.provider}
            </Text>
            <Text className={`tag ${wrongAudience ? 'tag-warn' : 'tag-accent'} detail-audience`}>{item.audienceName}</Text>
          </View>
        </View>
        <Text className='detail-summary'>{item.summary}</Text>
        <View className='detail-rule'>
          <Text className='detail-rule-label'>享受条件</Text>
          <Text className='detail-rule-text'>{item.rule}</Text>
        </View>
        <EligibilityNote eligible={item.eligible} reasons={item.reasons} />
      </View>

      {item.benefits.length > 0 && (
        <View className='card'>
          <Text className='section-title'>优惠内容</Text>
          {item.benefits.map((b) => (
            <View key={b.code} className='detail-benefit'>
              <Text className='detail-benefit-name'>{b.name}</Text>
              <Text className='detail-benefit-detail'>{b.detail}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='card'>
        <Text className='section-title'>{item.claimKind === 'voucher' ? '景区信息' : '服务信息'}</Text>
        <InfoRows
          rows={[
            { label: '地址', value: item.address },
            { label: '开放时间', value: item.openHours },
            { label: '免押金额', value: item.depositWaived },
            { label: '使用限制', value: item.limits },
          ]}
        />
      </View>

      {wrongAudience && <AudienceSwitch item={item} />}
      {!wrongAudience && item.claimKind === 'voucher' && <VoucherClaim incentive={item} />}
      {!wrongAudience && item.claimKind === 'grant' && <GrantClaim incentive={item} />}
      {!wrongAudience && item.claimKind === 'none' && (
        <View className='card'>
          <Text className='section-title'>如何使用</Text>
          <Text className='detail-howto'>{item.howToUse ?? '无需在线领取，到合作单位现场办理即可。'}</Text>
          {!item.eligible && <Text className='detail-howto-note'>您目前暂不符合条件，原因见上方。</Text>}
          {item.eligible && (item.id === 'reading-library' || item.id === 'medical-first') && (
            <ActionButton className='detail-pass' onClick={() => openPage(passUrl(item.id as 'reading-library' | 'medical-first'))}>
              出示核验码
            </ActionButton>
          )}
        </View>
      )}
    </>
  )
}

const gate = { realName: true } as const

export default function IncentiveDetailPage() {
  const id = useRouter().params.id ?? ''
  const { scope } = useGate(gate)
  const remote = useQuery(scope && id ? `incentive|${scope}|${id}` : null, () => fetchIncentive(id), { topics: ['vouchers', 'grants', 'credit'] })
  if (!id) {
    return (
      <PageShell name='incentive-detail' gate={gate} what='查看和领取守信激励'>
        <StateView icon={inboxIcon} title='没有指定激励项目' description='请从“守信激励”列表中选择一个项目。' />
      </PageShell>
    )
  }
  return (
    <PageShell name='incentive-detail' gate={gate} what='查看和领取守信激励' query={remote} skeleton={{ lines: 4 }} errorTitle='未能加载该项目'>
      {(item) => <Detail item={item} />}
    </PageShell>
  )
}
