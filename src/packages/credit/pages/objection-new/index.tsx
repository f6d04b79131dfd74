// 提出异议: a reason from the fixed list, a description (10–500 characters, with a counter) and
// evidence (0–9 files; required for 非本人 / 已撤销或变更, and after a 维持). The reason and the text
// are a form draft; the filing is an outbox item, sent again under its key until answered, never
// twice. A record with an open case or out of publicity gets a pointer instead of the form.
import { Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import Uploader from '../../../../components/uploader'
import { OBJECTION_DESCRIPTION_MAX, OBJECTION_DESCRIPTION_MIN } from '../../../../domain/objection'
import { inputText, EMPTY_OBJECTION_DRAFT, evidenceRequired, formProblem, objectionFormKey, REASON_OPTIONS, type ObjectionDraft } from '../../../../features/objections/form'
import { SUSPENDED_NOTE } from '../../../../features/objections/labels'
import { objectionRoutes } from '../../../../features/objections/routes'
import { useCaseForm } from '../../../../hooks/use-case-form'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { OBJECTION_TEMPLATE_IDS } from '../../../../platform/env'
import { goBack, openPage, readParam, replacePage, routes } from '../../../../platform/navigation'
import { fetchRecord } from '../../../../services/credit-api'
import { OBJECTIONS_URL, recordObjectionOf, type FileObjectionRequest } from '../../../../services/objections-api'
import type { CreditRecordDetail } from '../../../../services/types'
import StatusTag from '../../components/status-tag'
import objectionIcon from '../../../../assets/icons/objection.svg'
import './index.scss'

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

const PENDING_NOTE = '异议尚未确认提交，将自动重新提交，也可点击“重新提交”，不会重复提交。'

function FilingForm({ record, reload }: { record: CreditRecordDetail; reload(): void }) {
  const recordId = record.id
  const form = useCaseForm<ObjectionDraft>({
    formKey: (owner, subject) => objectionFormKey(owner, subject, recordId),
    empty: EMPTY_OBJECTION_DRAFT,
    detail: objectionRoutes.detail,
    pendingNote: PENDING_NOTE,
    templateIds: OBJECTION_TEMPLATE_IDS,
  })
  const [touched, setTouched] = useState(false)
  const { data, waiting, error } = form

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
  const needEvidence = evidenceRequired(data.reason, upheldBefore)
  const evidence = { uploaded: form.attachmentIds, uploading: form.uploading ? 1 : 0, failed: form.uploadFailed ? 1 : 0 }
  const problem = formProblem(data, evidence, upheldBefore)
  const length = data.description.trim().length

  const submit = () =>
    void form.submit((ctx) => {
      setTouched(true)
      if (problem || data.reason === '') return null
      const body: FileObjectionRequest = { recordId, reason: data.reason, description: data.description.trim(), attachmentIds: ctx.attachmentIds }
      return { kind: 'objection-file', title: `异议：${record.title}`, formKey: ctx.formKey, ownerId: ctx.ownerId, subject: ctx.subject, url: OBJECTIONS_URL, body, resultPath: 'id', link: objectionRoutes.detailPrefix, topics: ['objections', 'credit', 'messages'] }
    }, (e) => {
      // another case was filed meanwhile, or the record left publicity: show where things stand
      if (e.status === 409 || e.code === 'NOT_IN_PUBLICITY') reload()
    })

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
            const on = data.reason === o.value
            return (
              <View
                key={o.value}
                className={`obj-new-reason ${on ? 'obj-new-reason-on' : ''}`}
                role='radio'
                aria-checked={on}
                onClick={() => !waiting && form.edit({ reason: o.value })}
              >
                {o.label}
              </View>
            )
          })}
        </View>
        {touched && data.reason === '' && <Text className='field-error'>请选择异议理由</Text>}
      </View>

      <View className='card'>
        <Text className='section-title'>情况说明</Text>
        <View className={`obj-new-text ${touched && (length < OBJECTION_DESCRIPTION_MIN || length > OBJECTION_DESCRIPTION_MAX) ? 'field-box-invalid' : ''}`}>
          <Textarea
            className='obj-new-textarea'
            value={data.description}
            maxlength={OBJECTION_DESCRIPTION_MAX}
            disabled={waiting}
            placeholder={`请具体说明记录哪里有误、实际情况如何（${OBJECTION_DESCRIPTION_MIN}–${OBJECTION_DESCRIPTION_MAX} 字）`}
            aria-label='情况说明'
            onInput={(e) => form.edit({ description: inputText(e) })}
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
        <Uploader key={form.formKey} subject={form.subject} initial={form.savedFiles} onChange={form.onFiles} />
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
        <ActionButton disabled={form.busy || Boolean(problem && touched)} aria-describedby='obj-new-reason' onClick={submit}>
          {form.busy ? '正在提交…' : waiting ? '重新提交' : '提交异议'}
        </ActionButton>
        <Text id='obj-new-reason' className='muted obj-new-reason-line'>
          {problem ?? '提交后 5 个工作日内办结，每一步都会通知您'}
        </Text>
      </View>
    </View>
  )
}
