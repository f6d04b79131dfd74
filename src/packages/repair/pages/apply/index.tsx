// 申请信用修复: choose a record that can be repaired now, attach proof that the obligation was met
// (uploader), sign the 信用修复承诺书 through the commitments' own signing flow, and submit through
// the outbox — an unanswered submission is sent again under its key, never twice.
import { Text, View } from '@tarojs/components'
import { useDidShow, useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PrivacyConsent from '../../../../components/privacy-consent'
import Skeleton from '../../../../components/skeleton'
import StateView from '../../../../components/state-view'
import Uploader from '../../../../components/uploader'
import type { UploadItem } from '../../../../components/uploader/types'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import AccessState from '../../../../features/credit/components/access-state'
import SubjectBanner from '../../../../components/page-shell/subject-banner'
import { useCreditSubject } from '../../../../features/credit/use-credit-subject'
import FreeNotice from '../../../../features/repair/components/free-notice'
import { repairRoutes } from '../../../../features/repair/routes'
import { usePageClass } from '../../../../hooks/use-page-class'
import { useRemote } from '../../../../hooks/use-remote'
import { openPage, readParam, replacePage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { fetchMyCommitments, fetchTemplates } from '../../../../services/commitments-api'
import { discard, submit as send } from '../../../../services/outbox/runner'
import { fetchEligibility, fetchMyRepairs, type RepairBody } from '../../../../services/repairs-api'
import { useAuthStore } from '../../../../stores/auth'
import warningIcon from '../../../../assets/icons/warning.svg'
import repairIcon from '../../../../assets/icons/repair.svg'
import './index.scss'

async function loadForm() {
  const [eligibility, commitments, applications, templates] = await Promise.all([fetchEligibility(), fetchMyCommitments(), fetchMyRepairs(), fetchTemplates('修复型')])
  // A commitment serves one application: those already used are not offered again.
  const used = new Set(applications.items.map((a) => a.commitment.id))
  const unused = commitments.items.filter((c) => c.template.kind === '修复型' && c.status === '履约中' && !used.has(c.id))
  return { eligible: eligibility.items.filter((i) => i.state === 'eligible'), commitment: unused[0] ?? null, template: templates.items[0] ?? null }
}

export default function ApplyPage() {
  const pageClass = usePageClass('apply')
  const wanted = readParam(useRouter().params, 'recordId')
  const credit = useCreditSubject()
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)
  const remote = useRemote(credit.access === 'ready' ? `${credit.scope}|repair-apply` : null, loadForm)
  const [recordId, setRecordId] = useState<string | null>(wanted ?? null)
  const [files, setFiles] = useState<UploadItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [submitting, setSubmitting] = useState(false)
  const inFlight = useRef(false)
  const shown = useRef(false)
  // Back from signing the commitment: load again so the new one is offered.
  useDidShow(() => {
    if (shown.current) void remote.reload()
    shown.current = true
  })
  const data = remote.data
  useEffect(() => {
    if (data && !data.eligible.some((i) => i.recordId === recordId)) setRecordId(data.eligible[0]?.recordId ?? null)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [data])

  if (credit.access !== 'ready') {
    return (
      <View className={pageClass}>
        <PrivacyConsent />
        <AccessState access={credit.access} />
      </View>
    )
  }
  if (remote.status === 'error') {
    return (
      <View className={pageClass}>
        <StateView error icon={warningIcon} title='申请表加载失败' description={remote.error ?? undefined} actionText='重试' onAction={() => void remote.reload({ reset: true })} />
      </View>
    )
  }
  if (!data) {
    return (
      <View className={pageClass}>
        <Skeleton cards={3} lines={3} label='正在加载申请表' />
      </View>
    )
  }
  if (data.eligible.length === 0) {
    return (
      <View className={pageClass}>
        <FreeNotice />
        <StateView icon={repairIcon} title='目前没有可以申请修复的记录' description='修复规划会告诉您每条记录从哪天起可以申请、还缺什么。' actionText='查看修复规划' onAction={() => openPage(repairRoutes.planner)} />
      </View>
    )
  }

  const record = data.eligible.find((i) => i.recordId === recordId) ?? null
  const uploading = files.some((f) => f.status === 'uploading')
  const proofIds = files.filter((f) => f.status === 'done' && f.uploadId).map((f) => f.uploadId!)
  const reason = !record
    ? '请选择要修复的记录'
    : uploading
      ? '请等待文件上传完成'
      : files.some((f) => f.status === 'failed')
        ? '有文件上传失败，请重试或删除'
        : proofIds.length === 0
          ? '请上传已履行法定义务的证明材料'
          : !data.commitment
            ? '请签署《信用修复承诺书》'
            : submitting
              ? '正在提交…'
              : null

  const submitApplication = async () => {
    if (reason || !record || !data.commitment || !user || inFlight.current) return
    inFlight.current = true
    setSubmitting(true)
    setError(null)
    try {
      const body: RepairBody = { recordId: record.recordId, commitmentId: data.commitment.id, attachmentIds: proofIds }
      const outcome = await send({
        kind: 'repair-apply',
        title: `信用修复申请：${record.title}`,
        formKey: `repair-apply|${user.id}|${actingFor ?? ''}|${record.recordId}`,
        ownerId: user.id,
        subject: actingFor,
        url: '/repairs',
        body,
        resultPath: 'id',
        link: repairRoutes.application(''),
      })
      if (outcome.status === 'done' && outcome.item.resultId) replacePage(repairRoutes.application(outcome.item.resultId))
      else if (outcome.status === 'pending') setError(`${outcome.error.message}。申请尚未确认提交，将自动重新提交，不会重复申请；可在“待发送”中查看。`)
      else if (outcome.status === 'failed') {
        discard(outcome.item.id)
        setError(outcome.error.message)
        void remote.reload()
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return (
    <View className={pageClass}>
      <PrivacyConsent />
      <SubjectBanner enterprise={credit.enterprise} />
      <FreeNotice />

      <View className='card'>
        <Text className='section-title'>1. 选择要修复的记录</Text>
        <View role='radiogroup' aria-label='要修复的记录'>
          {data.eligible.map((i) => (
            <View
              key={i.recordId}
              className={`apply-record ${i.recordId === recordId ? 'apply-record-on' : ''}`}
              role='radio'
              aria-checked={i.recordId === recordId}
              onClick={() => setRecordId(i.recordId)}
            >
              <Text className='apply-record-title'>{i.title}</Text>
              <Text className='muted'>{`修复后信用分预计由 ${i.scoreNow} 分变为 ${i.scoreAfter} 分`}</Text>
            </View>
          ))}
        </View>
      </View>

      <View className='card'>
        <Text className='section-title'>2. 上传履行证明</Text>
        <Text className='muted apply-hint'>如罚款缴纳凭证、整改完成证明、法院执行完毕证明等。</Text>
        <Uploader subject={actingFor} onChange={setFiles} />
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
      <ActionButton disabled={Boolean(reason)} aria-describedby='apply-reason' onClick={() => void submitApplication()}>
        {submitting ? '正在提交…' : '提交修复申请'}
      </ActionButton>
      <Text id='apply-reason' className='muted apply-reason'>
        {reason ?? '提交后信用平台 10 个工作日内答复，认定部门 3 个工作日内作出决定'}
      </Text>
    </View>
  )
}
