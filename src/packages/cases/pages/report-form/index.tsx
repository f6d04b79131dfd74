// 举报失信: the enterprise (统一社会信用代码, checked on the device as on the server), a category, what
// happened, and evidence. The text is a form draft and the report an outbox item: both survive a
// closed app; an unanswered report is sent again under its one key, never filed twice.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Uploader from '../../../../components/uploader'
import type { UploadItem } from '../../../../components/uploader/types'
import { DISHONESTY_CATEGORIES, DISHONESTY_DESCRIPTION_MAX } from '../../../../domain/cases'
import { validateUscc } from '../../../../domain/uscc'
import ChoiceChips from '../../../../features/cases/components/choice-chips'
import { EMPTY_REPORT, reportFormKey, reportProblem, reportSubmission, type ReportDraft } from '../../../../features/cases/report-form'
import { caseRoutes } from '../../../../features/cases/routes'
import { usePageClass } from '../../../../hooks/use-page-class'
import { openPage, readParam, replacePage, routes } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { discard, kick, retryNow, submit as send } from '../../../../services/outbox/runner'
import { itemById, liveItemOf, useOutboxStore } from '../../../../services/outbox/store'
import { useFormDraft } from '../../../../services/outbox/use-form-draft'
import { useAuthStore } from '../../../../stores/auth'
import '../../cases.scss'

export default function ReportFormPage() {
  const pageClass = usePageClass()
  const prefill = readParam(useRouter().params, 'uscc')
  const user = useAuthStore((s) => s.user)
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const formKey = user ? reportFormKey(user.id) : null
  const form = useFormDraft<ReportDraft>(formKey, user?.id ?? null, EMPTY_REPORT)
  const draft = form.data
  const [files, setFiles] = useState<UploadItem[]>([])
  const [error, setError] = useState<string | null>(null)
  const [tried, setTried] = useState(false)
  const [busy, setBusy] = useState(false)
  const inFlight = useRef(false)
  const live = useOutboxStore((s) => (formKey ? liveItemOf(formKey)(s) : undefined))
  const waiting = live?.status === 'pending' || live?.status === 'sending'
  const [watchId, setWatchId] = useState<string | null>(null)
  const watched = useOutboxStore(itemById(watchId))

  useEffect(() => {
    if (prefill && !draft.uscc) edit({ uscc: prefill })
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [prefill, formKey])
  useEffect(() => {
    if (waiting && live) {
      setWatchId(live.id)
      kick()
    }
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [waiting, live?.id])
  useEffect(() => {
    if (watched?.status === 'done' && watched.resultId) replacePage(caseRoutes.report(watched.resultId))
  }, [watched?.status, watched?.resultId])

  function edit(patch: Partial<ReportDraft>) {
    if (waiting) return
    try {
      form.update(patch)
      setError(null)
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e))
    }
  }

  const uploading = files.some((f) => f.status === 'uploading')
  const problem = reportProblem(draft, uploading)

  const submit = async () => {
    setTried(true)
    if (problem || !user || inFlight.current) return
    inFlight.current = true
    setBusy(true)
    setError(null)
    try {
      const ids = files.filter((f) => f.status === 'done' && f.uploadId).map((f) => f.uploadId!)
      const again = waiting && live ? retryNow(live.id) : null
      const outcome = await (again ?? send(reportSubmission(user.id, draft, ids)))
      setWatchId(outcome.item.id)
      if (outcome.status === 'failed') {
        discard(outcome.item.id)
        setError(outcome.error.message)
      } else if (outcome.status === 'pending') {
        setError(`${outcome.error.message}。举报已保存，网络恢复后会自动提交，不会重复提交。`)
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      inFlight.current = false
      setBusy(false)
    }
  }

  if (!loggedIn) {
    return (
      <View className={`${pageClass} cases`}>
        <View className='card'>
          <Text className='section-title'>登录后举报失信行为</Text>
          <Text className='muted'>举报需要实名身份，便于核查和答复；您的身份只有受理举报的工作人员可见，且已脱敏。</Text>
          <ActionButton className='cases-gap' onClick={() => openPage(routes.login)}>
            登录 / 注册
          </ActionButton>
        </View>
      </View>
    )
  }

  // The code is checked once it is complete (or on 提交), not while it is being typed.
  const usccCheck = validateUscc(draft.uscc)
  const usccError = (tried || draft.uscc.length >= 18) && !usccCheck.ok ? usccCheck.message : null
  return (
    <View className={`${pageClass} cases`}>
      <View className='card cases-secret' role='note'>
        <Text className='cases-secret-title'>举报人信息严格保密</Text>
        <Text className='muted'>被举报企业、其他工作人员和任何公开信息中都不会出现您的身份；受理举报的工作人员只能看到脱敏后的姓名和手机号。</Text>
      </View>

      <View className='card'>
        <View className='field'>
          <Text className='field-label'>被举报企业的统一社会信用代码</Text>
          <View className={`field-box ${usccError ? 'field-box-invalid' : ''}`}>
            <Input
              className='field-input'
              value={draft.uscc}
              maxlength={18}
              placeholder='18 位代码，可在营业执照上找到'
              nativeProps={{ 'aria-label': '被举报企业的统一社会信用代码' }}
              disabled={waiting}
              onInput={(e) => edit({ uscc: e.detail.value.replace(/\s/g, '').toUpperCase() })}
            />
          </View>
          {usccError && <Text className='field-error'>{usccError}</Text>}
        </View>

        <View className='field'>
          <Text className='field-label'>举报类别</Text>
          <ChoiceChips label='举报类别' options={DISHONESTY_CATEGORIES} value={draft.category} disabled={waiting} onChange={(category) => edit({ category })} />
        </View>

        <View className='field'>
          <Text className='field-label'>失信行为的具体情况</Text>
          <View className='field-box cases-textarea-box'>
            <Textarea
              className='cases-textarea'
              value={draft.description}
              maxlength={DISHONESTY_DESCRIPTION_MAX}
              placeholder='时间、地点、经过，以及您掌握的证据（请勿填写手机号、身份证号）'
              nativeProps={{ 'aria-label': '失信行为的具体情况' }}
              disabled={waiting}
              onInput={(e) => edit({ description: e.detail.value })}
            />
          </View>
          <Text className='muted cases-count'>
            {draft.description.trim().length}/{DISHONESTY_DESCRIPTION_MAX}
          </Text>
        </View>

        <View className='field'>
          <Text className='field-label'>证据材料（选填）</Text>
          <Uploader subject={null} onChange={setFiles} />
        </View>

        {tried && problem && !error && (
          <View className='form-error' role='alert'>
            {problem}
          </View>
        )}
        {error && (
          <View className='form-error' role='alert'>
            {error}
          </View>
        )}
        {waiting && !busy && <Text className='muted cases-center'>待发送：网络恢复后会自动提交，不会重复提交</Text>}
        <ActionButton className='cases-gap' disabled={busy || uploading} onClick={submit}>
          {busy ? '提交中…' : waiting ? '重新提交' : '提交举报'}
        </ActionButton>
        <View className='link cases-center cases-gap' role='link' onClick={() => openPage(caseRoutes.reports)}>
          查看我的举报 ›
        </View>
      </View>
    </View>
  )
}
