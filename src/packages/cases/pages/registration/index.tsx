// One registration: what was registered, under which commitment, and its verification — the
// record it became, or the reasons it was not accepted.
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import StateView from '../../../../components/state-view'
import CaseSteps from '../../../../components/case-steps'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { useRemote } from '../../../../hooks/use-remote'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, readParam, routes } from '../../../../platform/navigation'
import { fetchRegistration } from '../../../../services/cases-api'
import { useAuthStore } from '../../../../stores/auth'
import '../../cases.scss'

export default function RegistrationPage() {
  const pageClass = usePageClass()
  const id = readParam(useRouter().params, 'id') ?? ''
  const actingFor = useAuthStore((s) => s.actingFor)
  const remote = useRemote(id ? `registration|${id}|${actingFor ?? ''}` : null, () => fetchRegistration(id))
  useDidShow(() => {
    if (remote.data) void remote.reload()
  })
  const r = remote.data

  if (!id) return <View className={`${pageClass} cases`}><StateView error title='未指定注册信息' /></View>
  if (remote.error && !r) {
    const hint = remote.errorStatus === 404 ? '该信息不属于当前身份，请在“我的”中切换到提交时的身份后查看' : remote.error
    return <View className={`${pageClass} cases`}><StateView error title='无法查看' description={hint} actionText='重新加载' onAction={() => void remote.reload()} /></View>
  }
  if (!r) return <View className={`${pageClass} cases`}><View className='card'><Text className='muted'>正在加载…</Text></View></View>
  return (
    <View className={`${pageClass} cases`}>
      <View className='card cases-item'>
        <View className='cases-head'>
          <Text className='cases-title'>{r.title}</Text>
          <Text className={`tag ${REGISTRATION_STATUS_TAG[r.status]}`}>{REGISTRATION_STATUS_TEXT[r.status]}</Text>
        </View>
        <View className='cases-row'><Text className='cases-row-label'>类别</Text><Text className='cases-row-value'>{r.categoryLabel}</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>提交时间</Text><Text className='cases-row-value'>{chinaTime(r.filedAt)}</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>证明材料</Text><Text className='cases-row-value'>{r.attachments.length} 个文件</Text></View>
        <View className='cases-row'><Text className='cases-row-label'>真实性承诺</Text><Text className='cases-row-value'>{r.commitment.receiptNo}</Text></View>
        <Text className='cases-text'>{r.description}</Text>
      </View>
      {r.status === '已核验' && r.recordId && (
        <View className='card cases-item cases-reply' role='status'>
          <Text className='section-title'>已核验，计入信用记录</Text>
          <Text className='muted'>作为正面信息在公示期内计入信用分。</Text>
          <ActionButton small kind='secondary' className='cases-gap' onClick={() => openPage(`${routes.recordDetail}?id=${encodeURIComponent(r.recordId!)}`)}>
            查看信用记录
          </ActionButton>
        </View>
      )}
      <View className='card cases-item'>
        <Text className='section-title'>核验进度</Text>
        <CaseSteps steps={r.steps} />
      </View>
    </View>
  )
}
