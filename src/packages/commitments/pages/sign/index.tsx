// 签署信用承诺: read the full text (to its end, and for the minimum time), tick consent, sign by
// hand, confirm. The tick and the drawing are a form draft and the signing an outbox item: both
// survive a closed app, and an unanswered signing is sent again under its key, never twice.
import { ScrollView, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { COMMITMENT_MIN_READ_SECONDS } from '../../../../domain/policy'
import { AUDIENCE_LABELS } from '../../../../features/commitments/labels'
import { contentFits } from '../../../../platform/measure'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { audienceProblem, blockingReason } from '../../../../features/commitments/sign-gate'
import { classifySignFailure } from '../../../../features/commitments/submit-outcome'
import { useReadingProgress } from '../../../../features/commitments/use-reading-progress'
import { signFormKey, type SignDraft } from '../../../../features/commitments/sign-form'
import { openPage, replacePage } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { fetchTemplate, type CommitmentTemplate, type SignRequest } from '../../../../services/commitments-api'
import { discard, kick, retryNow, submit as send } from '../../../../services/outbox/runner'
import { itemById, liveItemOf, useOutboxStore } from '../../../../services/outbox/store'
import { useFormDraft } from '../../../../services/outbox/use-form-draft'
import { useAuthStore } from '../../../../stores/auth'
import ConsentCheck from '../../components/consent-check'
import SignaturePad from '../../components/signature-pad'
import SubjectSwitcher from '../../components/subject-switcher'
import commitmentIcon from '../../../../assets/icons/commitment.svg'
import './index.scss'

const EMPTY_DRAFT: SignDraft = { agreed: false, signaturePng: null }

const gate = { login: true } as const

export default function SignPage() {
  const templateId = useRouter().params.id ?? ''
  const { scope } = useGate(gate)
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)
  // the text is the same for every subject: keyed by the template alone, fetched once the gate passes
  const q = useQuery(scope && templateId ? `cm-template|${templateId}` : null, () => fetchTemplate(templateId))
  const template = q.data
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  // a second tap before the first re-render must not send twice
  const inFlight = useRef(false)

  const userId = user?.id ?? null
  useEffect(() => {
    if (userId) useOutboxStore.getState().keepDraftsOf(userId)
  }, [userId])

  const textKey = template ? `${template.id}@${template.version}:${template.textSha256}` : null
  const reading = useReadingProgress(textKey)
  const { markReachedEnd } = reading
  useEffect(() => {
    if (!textKey) return
    // A text shorter than its box is read to its end as soon as it is shown.
    const timer = setTimeout(() => void contentFits('#sign-text', '#sign-text-body').then((fits) => fits && markReachedEnd()), 300)
    return () => clearTimeout(timer)
  }, [textKey, markReachedEnd])

  const formKey = useMemo(() => (userId && template ? signFormKey(userId, actingFor, template) : null), [userId, template, actingFor])
  const draft = useFormDraft<SignDraft>(formKey, userId, EMPTY_DRAFT)
  const live = useOutboxStore((s) => (formKey ? liveItemOf(formKey)(s) : undefined))
  // The signing sent earlier still waits for its answer: the drawing stays as it was sent.
  const locked = live?.status === 'pending' || live?.status === 'sending'
  const [watchId, setWatchId] = useState<string | null>(null)
  const watched = useOutboxStore(itemById(watchId))
  const liveId = live?.id
  useEffect(() => {
    if (locked && liveId) {
      setWatchId(liveId)
      kick()
    }
  }, [locked, liveId])
  // Answered, now or by the outbox later while this page is open: show the receipt.
  useEffect(() => {
    if (watched?.status === 'done' && watched.resultId) replacePage(`${commitmentRoutes.receipt(watched.resultId)}&new=1`)
  }, [watched?.status, watched?.resultId])

  const reason = template
    ? blockingReason({
        audience: template.audience,
        actingForEnterprise: Boolean(actingFor),
        reachedEnd: reading.reachedEnd,
        secondsLeft: reading.secondsLeft,
        agreed: draft.data.agreed,
        signed: Boolean(draft.data.signaturePng),
        submitting,
      })
    : '正在加载承诺书…'

  const submit = async () => {
    const signaturePng = draft.data.signaturePng
    if (reason || !template || !user || !signaturePng || inFlight.current) return
    inFlight.current = true
    setSubmitting(true)
    setError(null)
    try {
      // A signing still waiting goes again under its key; otherwise the outbox stores a new one
      // before sending, so a closed app resends it after the restart.
      const pending = locked && live ? retryNow(live.id) : null
      const outcome = await (pending ??
        send({
          kind: 'commitment-sign',
          title: `签署：${template.title}`,
          formKey,
          ownerId: user.id,
          subject: actingFor,
          url: '/commitments',
          body: { templateId: template.id, version: template.version, textSha256: template.textSha256, agreed: true, signaturePng } satisfies SignRequest,
          resultPath: 'id',
          link: commitmentRoutes.receipt(''),
          topics: ['commitments'],
        }))
      setWatchId(outcome.item.id)
      if (outcome.status === 'pending') {
        setError(`${outcome.error.message}。签署尚未确认完成，将自动重新提交，也可点击“重新提交”，不会重复签署。`)
      } else if (outcome.status === 'failed') {
        discard(outcome.item.id)
        setError(outcome.error.message)
        if (classifySignFailure(outcome.error) === 'reread') {
          // the text changed: read the new one from the start
          draft.clear()
          void q.reload({ reset: true })
        }
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  // the form, once the template is loaded
  const renderForm = (t: CommitmentTemplate) => {
    const audience = audienceProblem(t.audience, Boolean(actingFor))
    const paragraphs = t.body.split('\n').filter((p) => p.trim() !== '')

    return (
      <View>
        <View className='card sign-head'>
          <View className='sign-tags'>
            <Text className='tag tag-accent'>{t.kind}</Text>
            <Text className='tag tag-muted'>第 {t.version} 版</Text>
            <Text className='tag tag-muted'>{AUDIENCE_LABELS[t.audience]}</Text>
          </View>
          <Text className='sign-title'>{t.title}</Text>
        </View>

        <SubjectSwitcher compact />
        {audience && (
          <View className='form-error' role='alert'>
            {audience}
          </View>
        )}

        <View className='card'>
          <View className='sign-read-head'>
            <Text className='section-title sign-read-title'>承诺书全文</Text>
          </View>
          <View className='sign-progress' aria-live='polite'>
            <Text className={`sign-step ${reading.reachedEnd ? 'sign-step-done' : ''}`}>
              {reading.reachedEnd ? '✓ 已阅读至末尾' : '请阅读至末尾'}
            </Text>
            <Text className={`sign-step ${reading.secondsLeft === 0 ? 'sign-step-done' : ''}`}>
              {reading.secondsLeft === 0 ? `✓ 已阅读满 ${COMMITMENT_MIN_READ_SECONDS} 秒` : `还需阅读 ${reading.secondsLeft} 秒`}
            </Text>
          </View>
          <ScrollView id='sign-text' className='sign-text' scrollY lowerThreshold={24} onScrollToLower={markReachedEnd}>
            <View id='sign-text-body' className='sign-text-body'>
              <Text className='sign-text-title'>{t.title}</Text>
              {paragraphs.map((p, i) => (
                <Text key={i} className='sign-paragraph'>
                  {p}
                </Text>
              ))}
              <Text className='sign-text-end'>— 全文完 —</Text>
            </View>
          </ScrollView>
        </View>

        <View className='card'>
          <ConsentCheck checked={draft.data.agreed} title={t.title} onChange={(agreed) => draft.update({ agreed })} />
        </View>

        <View className='card'>
          <Text className='section-title'>手写签名</Text>
          <SignaturePad
            key={`${actingFor ?? 'self'}|${textKey}`}
            value={draft.data.signaturePng}
            locked={locked}
            onChange={(signaturePng) => draft.update({ signaturePng })}
            onError={setError}
          />
        </View>

        {error && (
          <View className='form-error' role='alert'>
            {error}
          </View>
        )}

        <View className='sign-submit'>
          <ActionButton disabled={Boolean(reason)} aria-describedby='sign-reason' onClick={() => void submit()}>
            {submitting ? '正在签署…' : locked ? '重新提交' : '确认签署'}
          </ActionButton>
          <Text id='sign-reason' className='muted sign-reason'>
            {reason ?? '签署后生成回执编号，任何人可凭编号核验'}
          </Text>
        </View>
      </View>
    )
  }

  if (!templateId) {
    return (
      <PageShell name='sign'>
        <StateView icon={commitmentIcon} title='未指定承诺书' description='请从信用承诺列表选择承诺书。' actionText='信用承诺' onAction={() => openPage(commitmentRoutes.home)} />
      </PageShell>
    )
  }

  return (
    <PageShell
      name='sign'
      gate={gate}
      what='签署信用承诺'
      query={q}
      pullToRefresh={false}
      top={q.status !== 'ready' && error ? <Text className='form-error'>{error}</Text> : null}
      skeleton={{ cards: 2, lines: 6, label: '正在加载承诺书' }}
      errorTitle='承诺书加载失败'
    >
      {renderForm}
    </PageShell>
  )
}
