// One registration: what was registered, under which commitment, and its verification — the
// record it became, or the reasons it was not accepted.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import CaseSteps from '../../../../components/case-steps'
import { REGISTRATION_STATUS_TAG, REGISTRATION_STATUS_TEXT, chinaTime } from '../../../../features/cases/labels'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage, readParam, routes } from '../../../../platform/navigation'
import { fetchRegistration, type VoluntaryRegistration } from '../../../../services/cases-api'
import '../../cases.scss'

const gate = { login: true } as const
const notFound = { title: '无法查看', description: '该信息不属于当前身份，请在“我的”中切换到提交时的身份后查看' }

export default function RegistrationPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `registration|${scope}|${id}` : null, () => fetchRegistration(id), { topics: ['cases'], refetchOnShow: true })
  if (!id) {
    return (
      <PageShell name='cases'>
        <StateView error title='未指定注册信息' />
      </PageShell>
    )
  }
  return (
    <PageShell name='cases' gate={gate} what='查看注册信息' query={q} skeleton={{ cards: 2, lines: 4, label: '正在加载注册信息' }} errorTitle='无法查看' notFound={notFound}>
      {(r) => <Registration r={r} />}
    </PageShell>
  )
}

function Registration({ r }: { r: VoluntaryRegistration }) {
  return (
    <View>
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
