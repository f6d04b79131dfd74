// 提出异议: a reason from the fixed list, a description (10–500 characters, with a counter) and
// evidence (0–9 files; required for 非本人 / 已撤销或变更, and after a 维持). The reason and the text
// are a form draft; the filing is an outbox item, sent again under its key until answered, never
// twice. A record with an open case or out of publicity gets a pointer instead of the form.
import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import Uploader from '../../../../components/uploader'
import type { UploadItem } from '../../../../components/uploader/types'
import { OBJECTION_DESCRIPTION_MAX, OBJECTION_DESCRIPTION_MIN } from '../../../../domain/objection'
import { inputText, EMPTY_OBJECTION_DRAFT, evidenceRequired, formProblem, objectionFormKey, REASON_OPTIONS, type EvidenceState, type ObjectionDraft } from '../../../../features/objections/form'
import { SUSPENDED_NOTE } from '../../../../features/objections/labels'
import { objectionRoutes } from '../../../../features/objections/routes'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { OBJECTION_TEMPLATE_IDS } from '../../../../platform/env'
import { goBack, openPage, readParam, replacePage, routes } from '../../../../platform/navigation'
import { requestCaseSubscription } from '../../../../platform/subscribe'
import { toApiError } from '../../../../services/api-error'
import { fetchRecord } from '../../../../services/credit-api'
import { OBJECTIONS_URL, recordObjectionOf, type FileObjectionRequest } from '../../../../services/objections-api'
import type { CreditRecordDetail } from '../../../../services/types'
import { discard, kick, retryNow, submit as send } from '../../../../services/outbox/runner'
import { itemById, liveItemOf, useOutboxStore } from '../../../../services/outbox/store'
import { useFormDraft } from '../../../../services/outbox/use-form-draft'
import { useAuthStore } from '../../../../stores/auth'
import StatusTag from '../../components/status-tag'
import objectionIcon from '../../../../assets/icons/objection.svg'
import './index.scss'

const evidenceOf = (items: UploadItem[]): EvidenceState => ({
  uploaded: items.filter((i) => i.status === 'done' && i.uploadId).map((i) => i.uploadId!),
  uploading: items.filter((i) => i.status === 'uploading').length,
  failed: items.filter((i) => i.status === 'failed').length,
})

const gate = { realName: true } as const

export default function ObjectionNewPage() {
  const recordId = readParam(useRouter().params, 'recordId') ?? ''
  const { scope } = useGate(gate)
  const q = useQuery(scope && recordId ? `record|${scope}|${recordId}` : null, () => fetchRecord(recordId), { topics: ['credit', 'objections'] })
  if (!recordId) {
    return (
      <PageShell name='obj-new'>
        <StateView icon={objectionIcon} title='未指定记录' description='请在信用记录中打开要提出异议的记录，点击“我要异议”。' actionText='查看信用记录' onAction={() => openPage(routes.records)} />
      </PageShell>
    )
  }
  return (
    <PageShell name='obj-new' gate={gate} what='提出异议' query={q} skeleton={{ cards: 2, lines: 4, label: '正在加载记录' }} errorTitle='记录加载失败'>
      {(record) => <FilingForm record={record} reload={() => void q.reload()} />}
    </PageShell>
  )
}

function FilingForm({ record, reload }: { record: CreditRecordDetail; reload(): void }) {
  const recordId = record.id
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)
  const [evidence, setEvidence] = useState<EvidenceState>({ uploaded: [], uploading: 0, failed: 0 })
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [touched, setTouched] = useState(false)
  // a second tap before the first re-render must not send twice
  const inFlight = useRef(false)

  useEffect(() => {
    if (user) useOutboxStore.getState().keepDraftsOf(user.id)
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [user?.id])

  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  const formKey = useMemo(() => (user ? objectionFormKey(user.id, actingFor, recordId) : null), [user?.id, actingFor, recordId])
  const draft = useFormDraft<ObjectionDraft>(formKey, user?.id ?? null, EMPTY_OBJECTION_DRAFT)
  const live = useOutboxStore((s) => (formKey ? liveItemOf(formKey)(s) : undefined))
  const waiting = live?.status === 'pending' || live?.status === 'sending'
  const [watchId, setWatchId] = useState<string | null>(null)
  const watched = useOutboxStore(itemById(watchId))
  useEffect(() => {
    if (waiting && live) {
      setWatchId(live.id)
      kick()
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [waiting, live?.id])
  // Answered, now or later by the outbox while this page is open: show the case.
  useEffect(() => {
    if (watched?.status === 'done' && watched.resultId) replacePage(objectionRoutes.detail(watched.resultId))
  }, [watched?.status, watched?.resultId])

  const existing = recordObjectionOf(record)
  if (existing?.open) {
    return (
      <View>
        <StateView
          icon={objectionIcon}
          title='该记录已有正在办理的异议'
          description={`同一条记录同时只能有一件异议（当前：${existing.status}）。可在该异议中查看办理进度和期限。`}
          actionText='查看该异议'
          onAction={() => replacePage(objectionRoutes.detail(existing.id))}
        />
      </View>
    )
  }
  if (record.status !== '公示中') {
    return (
      <View>
        <StateView
          icon={objectionIcon}
          title='该记录不能在线提出异议'
          description={`该记录当前为“${record.status}”，已不在公示期。如仍有异议，请持相关材料向作出决定的${record.department}提出。`}
          actionText='返回记录'
          onAction={() => goBack(routes.home)}
        />
      </View>
    )
  }

  const upheldBefore = Boolean(existing?.newEvidenceRequired)
  const needEvidence = evidenceRequired(draft.data.reason, upheldBefore)
  const problem = formProblem(draft.data, evidence, upheldBefore)
  const length = draft.data.description.trim().length

  const submit = () => {
    // WeChat allows the request only inside the tap, before anything is awaited.
    requestCaseSubscription(OBJECTION_TEMPLATE_IDS)
    setTouched(true)
    if (problem || !user || !formKey || inFlight.current || draft.data.reason === '') return
    inFlight.current = true
    setSubmitting(true)
    setError(null)
    const body: FileObjectionRequest = { recordId, reason: draft.data.reason, description: draft.data.description.trim(), attachmentIds: evidence.uploaded }
    const pending = waiting && live ? retryNow(live.id) : null
    const first =
      pending ??
      send({ kind: 'objection-file', title: `异议：${record.title}`, formKey, ownerId: user.id, subject: actingFor, url: OBJECTIONS_URL, body, resultPath: 'id', link: objectionRoutes.detailPrefix, topics: ['objections', 'credit', 'messages'] })
    first
      .then((outcome) => {
        setWatchId(outcome.item.id)
        if (outcome.status === 'pending') {
          setError(`${outcome.error.message}。异议尚未确认提交，将自动重新提交，也可点击“重新提交”，不会重复提交。`)
        } else if (outcome.status === 'failed') {
          discard(outcome.item.id)
          setError(outcome.error.message)
          // another case was filed meanwhile, or the record left publicity: show where things stand
          if (outcome.error.status === 409 || outcome.error.code === 'NOT_IN_PUBLICITY') reload()
        }
      })
      .catch((e) => setError(toApiError(e).message))
      .finally(() => {
        inFlight.current = false
        setSubmitting(false)
      })
  }

  return (
    <View>
      <View className='card obj-new-record'>
        <View className='obj-new-record-head'>
          <Text className='obj-new-record-label'>异议的记录</Text>
          <StatusTag status={record.status} />
        </View>
        <Text className='obj-new-record-title'>{record.title}</Text>
        <View className='muted'>
          <Text>{`${record.department} · `}</Text>
          <Text className='nowrap'>{record.decisionDate}</Text>
        </View>
        <Text className='obj-new-hint'>{`提交后该记录立即标为“异议中”。${SUSPENDED_NOTE}`}</Text>
      </View>

      <View className='card'>
        <Text className='section-title' id='obj-reason-label'>
          异议理由
        </Text>
        <View className='obj-new-reasons' role='radiogroup' aria-labelledby='obj-reason-label'>
          {REASON_OPTIONS.map((o) => {
            const on = draft.data.reason === o.value
            return (
              <View
                key={o.value}
                className={`obj-new-reason ${on ? 'obj-new-reason-on' : ''}`}
                role='radio'
                aria-checked={on}
                onClick={() => !waiting && draft.update({ reason: o.value })}
              >
                {o.label}
              </View>
            )
          })}
        </View>
        {touched && draft.data.reason === '' && <Text className='field-error'>请选择异议理由</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>情况说明</Text>
        <View className={`obj-new-text ${touched && (length < OBJECTION_DESCRIPTION_MIN || length > OBJECTION_DESCRIPTION_MAX) ? 'field-box-invalid' : ''}`}>
          <Textarea
            className='obj-new-textarea'
            value={draft.data.description}
            maxlength={OBJECTION_DESCRIPTION_MAX}
            disabled={waiting}
            placeholder={`请具体说明记录哪里有误、实际情况如何（${OBJECTION_DESCRIPTION_MIN}–${OBJECTION_DESCRIPTION_MAX} 字）`}
            aria-label='情况说明'
            onInput={(e) => draft.update({ description: inputText(e) })}
          />
          <Text className={`obj-new-counter ${length > 0 && length < OBJECTION_DESCRIPTION_MIN ? 'obj-new-counter-short' : ''}`} aria-live='polite'>
            {`${length}/${OBJECTION_DESCRIPTION_MAX}`}
          </Text>
        </View>
        <Text className='muted obj-new-privacy'>请勿填写完整身份证号或手机号。</Text>
      </View>

      <View className='card'>
        <View className='obj-new-evidence-head'>
          <Text className='section-title'>证明材料</Text>
          <Text className={`tag ${needEvidence ? 'tag-warn' : 'tag-muted'}`}>{needEvidence ? '必填' : '选填'}</Text>
        </View>
        {upheldBefore && <Text className='obj-new-hint'>该记录的异议曾被核查维持，再次提出须提供新的证明材料。</Text>}
        <Uploader subject={actingFor} onChange={(items) => setEvidence(evidenceOf(items))} />
      </View>

      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      {existing && !existing.open && error && (
        <ActionButton kind='text' onClick={() => openPage(objectionRoutes.detail(existing.id))}>
          查看上一次异议
        </ActionButton>
      )}

      <View className='obj-new-submit'>
        <ActionButton disabled={submitting || Boolean(problem && touched)} aria-describedby='obj-new-reason' onClick={submit}>
          {submitting ? '正在提交…' : waiting ? '重新提交' : '提交异议'}
        </ActionButton>
        <Text id='obj-new-reason' className='muted obj-new-reason-line'>
          {problem ?? '提交后 5 个工作日内办结，每一步都会通知您'}
        </Text>
      </View>
    </View>
  )
}
