// 申请信用修复: choose a record that can be repaired now, attach proof that the obligation was met
// (uploader; none needed once fulfilment is on record — domain proofRequired), sign the 信用修复承诺书
// through the commitments' own signing flow, and submit through the outbox — an unanswered
// submission is sent again under its key, never twice.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import Uploader from '../../../../components/uploader'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import FreeNotice from '../../../../features/repair/components/free-notice'
import { repairRoutes } from '../../../../features/repair/routes'
import { proofRequired } from '../../../../domain/repair-eligibility'
import { useCaseForm } from '../../../../hooks/use-case-form'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { openPage, readParam } from '../../../../platform/navigation'
import { fetchMyCommitments, fetchTemplates } from '../../../../services/commitments-api'
import { fetchEligibility, fetchMyRepairs, type RepairBody } from '../../../../services/repairs-api'
import repairIcon from '../../../../assets/icons/repair.svg'
import './index.scss'

async function loadForm() {
  const [eligibility, commitments, applications, templates] = await Promise.all([fetchEligibility(), fetchMyCommitments(), fetchMyRepairs(), fetchTemplates('修复型')])
  // A commitment serves one application: those already used are not offered again.
  const used = new Set(applications.items.map((a) => a.commitment.id))
  const unused = commitments.items.filter((c) => c.template.kind === '修复型' && c.status === '履约中' && !used.has(c.id))
  return { eligible: eligibility.items.filter((i) => i.state === 'eligible'), commitment: unused[0] ?? null, template: templates.items[0] ?? null }
}

type FormData = Awaited<ReturnType<typeof loadForm>>
/** the application's fields are the page's choices; its draft keeps only the evidence */
const NO_FIELDS = {}

const gate = { realName: true } as const

export default function ApplyPage() {
  const { scope } = useGate(gate)
  // loaded again each time the page shows: back from signing, the new commitment is offered
  const q = useQuery(scope && `repair-apply|${scope}`, loadForm, { topics: ['commitments', 'cases', 'credit'], refetchOnShow: true })
  return (
    <PageShell name='apply' gate={gate} what='申请信用修复' subject query={q} skeleton={{ cards: 3, lines: 3, label: '正在加载申请表' }} errorTitle='申请表加载失败'>
      {(data) =>
        data.eligible.length === 0 ? (
          <>
            <FreeNotice />
            <StateView icon={repairIcon} title='目前没有可以申请修复的记录' description='修复规划会告诉您每条记录从哪天起可以申请、还缺什么。' actionText='查看修复规划' onAction={() => openPage(repairRoutes.planner)} />
          </>
        ) : (
          <ApplyForm data={data} reload={() => void q.reload()} />
        )
      }
    </PageShell>
  )
}

function ApplyForm({ data, reload }: { data: FormData; reload(): void }) {
  const wanted = readParam(useRouter().params, 'recordId')
  const [picked, setPicked] = useState<string | null>(wanted ?? null)
  // the record asked for, or the first one repairable now (what was asked for may no longer be)
  const record = data.eligible.find((i) => i.recordId === picked) ?? data.eligible[0]
  const form = useCaseForm<object>({
    // proof belongs to its record: each record has its own draft and its own one application
    formKey: (owner, subject) => `repair-apply|${owner}|${subject ?? ''}|${record.recordId}`,
    empty: NO_FIELDS,
    detail: repairRoutes.application,
    pendingNote: '申请尚未确认提交，将自动重新提交，不会重复申请；可在“待发送”中查看。',
  })
  const { attachmentIds: proofIds, busy: submitting, error, waiting } = form
  const reason = form.uploading
    ? '请等待文件上传完成'
    : form.uploadFailed
      ? '有文件上传失败，请重试或删除'
      : proofIds.length === 0 && proofRequired(record)
        ? '请上传已履行法定义务的证明材料'
        : !data.commitment
          ? '请签署《信用修复承诺书》'
          : submitting
            ? '正在提交…'
            : null

  const submitApplication = () =>
    void form.submit((ctx) => {
      if (reason || !data.commitment) return null
      const body: RepairBody = { recordId: record.recordId, commitmentId: data.commitment.id, attachmentIds: ctx.attachmentIds }
      const link = repairRoutes.application('')
      return { kind: 'repair-apply', title: `信用修复申请：${record.title}`, formKey: ctx.formKey, ownerId: ctx.ownerId, subject: ctx.subject, url: '/repairs', body, resultPath: 'id', link, topics: ['cases', 'credit'] }
    }, reload)

  return (
    <View>
      <FreeNotice />

      <View className='card'>
        <Text className='section-title'>1. 选择要修复的记录</Text>
        <View role='radiogroup' aria-label='要修复的记录'>
          {data.eligible.map((i) => (
            <View
              key={i.recordId}
              className={`apply-record ${i.recordId === record.recordId ? 'apply-record-on' : ''}`}
              role='radio'
              aria-checked={i.recordId === record.recordId}
              onClick={() => setPicked(i.recordId)}
            >
              <Text className='apply-record-title'>{i.title}</Text>
              <Text className='muted'>{`修复后信用分预计由 ${i.scoreNow} 分变为 ${i.scoreAfter} 分`}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>{proofRequired(record) ? '2. 上传履行证明' : '2. 上传履行证明（可不上传）'}</Text>
        <Text className='muted apply-hint'>
          {proofRequired(record) ? '如罚款缴纳凭证、整改完成证明、法院执行完毕证明等。' : '认定部门已记录该义务履行完毕（或无需履行），无需上传证明；如有其他材料可一并上传。'}
        </Text>
        <Uploader key={form.formKey} subject={form.subject} initial={form.savedFiles} onChange={form.onFiles} />
      </View>

      <View className='card'>
        <Text className='section-title'>3. 签署信用修复承诺书</Text>
        {data.commitment ? (
          <View className='apply-commitment'>
            <Text className='tag tag-ok'>已签署</Text>
            <Text className='apply-commitment-text'>{`《${data.commitment.template.title}》回执 ${data.commitment.receiptNo}`}</Text>
          </View>
        ) : data.template ? (
          <ActionButton kind='secondary' onClick={() => openPage(commitmentRoutes.sign(data.template!.id))}>
            {`阅读并签署《${data.template.title}》`}
          </ActionButton>
        ) : (
          <Text className='form-error'>暂无可签署的信用修复承诺书，请联系信用办</Text>
        )}
        <Text className='muted apply-hint'>签署后回到本页即可提交；一份承诺书只用于一件申请。</Text>
      </View>

      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton disabled={Boolean(reason)} aria-describedby='apply-reason' onClick={submitApplication}>
        {submitting ? '正在提交…' : waiting ? '重新提交' : '提交修复申请'}
      </ActionButton>
      <Text id='apply-reason' className='muted apply-reason'>
        {reason ?? '提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定'}
      </Text>
    </View>
  )
}
