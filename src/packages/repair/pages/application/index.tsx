// One repair application: its steps with who acted, when, and the due date (overdue and
// estimated dates said so), the decision and its reasons; a rejected one can be made again.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import ActionButton from '../../../../components/action-button'
import CaseSteps from '../../../../components/case-steps'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import FreeNotice from '../../../../features/repair/components/free-notice'
import { STATUS_TONES } from '../../../../features/repair/format'
import { repairRoutes } from '../../../../features/repair/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage, readParam } from '../../../../platform/navigation'
import { fetchRepair, type RepairApplication } from '../../../../services/repairs-api'
import repairIcon from '../../../../assets/icons/repair.svg'
import './index.scss'

const gate = { realName: true } as const
const notFound = { title: '申请不存在或无权查看', description: '该申请可能不属于当前身份，请切换身份后再试。' }

export default function ApplicationPage() {
  const id = readParam(useRouter().params, 'id') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && id ? `repair|${scope}|${id}` : null, () => fetchRepair(id), { topics: ['cases', 'credit'] })
  if (!id) {
    return (
      <PageShell name='application'>
        <StateView icon={repairIcon} title='未指定申请' description='请从“我的修复申请”或消息中打开申请。' actionText='我的修复申请' onAction={() => openPage(repairRoutes.applications)} />
      </PageShell>
    )
  }
  return (
    <PageShell name='application' gate={gate} what='查看修复申请' query={q} skeleton={{ cards: 2, lines: 4, label: '正在加载修复申请' }} errorTitle='申请加载失败' notFound={notFound}>
      {(a) => <Application a={a} />}
    </PageShell>
  )
}

function Application({ a }: { a: RepairApplication }) {
  return (
    <>
      <View className='card'>
        <View className='app-head'>
          <Text className='app-title'>{a.record.title}</Text>
          <Text className={`tag tag-${STATUS_TONES[a.status]}`}>{a.status}</Text>
        </View>
        <Text className='muted'>{`${a.record.department}${a.record.documentNo ? ` · ${a.record.documentNo}` : ''}`}</Text>
        {a.status === '审核中' && a.dueDate && <Text className='app-line'>{`最迟 ${a.dueDate} 前作出决定${a.dueDateNote ? `（${a.dueDateNote}）` : ''}`}</Text>}
        {a.status === '审核中' && <Text className='app-line'>{`获准后信用分预计为 ${a.scoreExpected} 分`}</Text>}
        {a.status === '已通过' && <Text className='app-line app-ok'>记录已修复，停止公示，不再计入信用分。</Text>}
        {a.status === '未通过' && <Text className='app-line app-rejected'>{`未通过的理由：${a.decisionReasons ?? ''}。补正后可以重新申请。`}</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>办理进度</Text>
        <CaseSteps steps={a.steps} />
      </View>

      <View className='card'>
        <Text className='section-title'>申请材料</Text>
        <Text className='app-line'>{`履行证明 ${a.attachments.length} 个文件`}</Text>
        <Text className='app-line'>{`《${a.commitment.title}》回执 ${a.commitment.receiptNo}`}</Text>
      </View>

      {a.status === '未通过' && <ActionButton onClick={() => openPage(repairRoutes.apply(a.recordId))}>补正后重新申请</ActionButton>}
      <FreeNotice />
    </>
  )
}
