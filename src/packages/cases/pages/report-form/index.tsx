// 举报失信: the enterprise (统一社会信用代码, checked on the device as on the server), a category, what
// happened, and evidence. The text is a form draft and the report an outbox item: both survive a
// closed app; an unanswered report is sent again under its one key, never filed twice.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import PageShell from '../../../../components/page-shell'
import Uploader from '../../../../components/uploader'
import { DISHONESTY_CATEGORIES, DISHONESTY_DESCRIPTION_MAX } from '../../../../domain/cases'
import { validateUscc } from '../../../../domain/uscc'
import ChoiceChips from '../../../../features/cases/components/choice-chips'
import { EMPTY_REPORT, reportFormKey, reportProblem, reportSubmission, type ReportDraft } from '../../../../features/cases/report-form'
import { caseRoutes } from '../../../../features/cases/routes'
import { useCaseForm } from '../../../../hooks/use-case-form'
import { readParam } from '../../../../platform/navigation'
import SubmitBar from '../../components/submit-bar'
import '../../cases.scss'

const gate = { login: true } as const

export default function ReportFormPage() {
  return (
    <PageShell name='cases' gate={gate} what='举报失信行为'>
      <ReportForm />
    </PageShell>
  )
}

function ReportForm() {
  const prefill = readParam(useRouter().params, 'uscc')
  const form = useCaseForm<ReportDraft>({
    formKey: reportFormKey,
    // a code handed over from a list entry fills the form that has no draft yet
    empty: prefill ? { ...EMPTY_REPORT, uscc: prefill } : EMPTY_REPORT,
    detail: caseRoutes.report,
    pendingNote: '举报已保存，网络恢复后会自动提交，不会重复提交。',
  })
  const { data: draft, edit, waiting, uploading } = form
  const [tried, setTried] = useState(false)
  const problem = reportProblem(draft, uploading)

  const submit = () =>
    void form.submit((ctx) => {
      setTried(true)
      return problem ? null : reportSubmission(ctx.ownerId, draft, ctx.attachmentIds)
    })

  // The code is checked once it is complete (or on 提交), not while it is being typed.
  const usccCheck = validateUscc(draft.uscc)
  const usccError = (tried || draft.uscc.length >= 18) && !usccCheck.ok ? usccCheck.message : null
  return (
    <View>
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
          <Uploader key={form.formKey} subject={null} initial={form.savedFiles} onChange={form.onFiles} />
        </View>

        <SubmitBar
          problem={problem}
          tried={tried}
          form={form}
          label='提交举报'
          onSubmit={submit}
          list={{ label: '查看我的举报 ›', url: caseRoutes.reports }}
        />
      </View>
    </View>
  )
}
