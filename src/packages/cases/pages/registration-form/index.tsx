// 信用信息自愿注册: a person, or an agent for its enterprise, registers positive information with
// evidence under a signed commitment to its truth. An officer verifies it; only then it becomes a
// record and counts in the score. Draft and submission go through the outbox.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import Uploader from '../../../../components/uploader'
import { VOLUNTARY_CATEGORIES, VOLUNTARY_COMMITMENT_TEMPLATE, VOLUNTARY_DESCRIPTION_MAX, VOLUNTARY_TITLE_MAX } from '../../../../domain/cases'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import ChoiceChips from '../../../../features/cases/components/choice-chips'
import { EMPTY_REGISTRATION, registrationFormKey, registrationProblem, registrationSubmission, type RegistrationDraft } from '../../../../features/cases/registration-form'
import { caseRoutes } from '../../../../features/cases/routes'
import { useTruthCommitment } from '../../../../features/cases/use-truth-commitment'
import { useCaseForm } from '../../../../hooks/use-case-form'
import { openPage } from '../../../../platform/navigation'
import SubmitBar from '../../components/submit-bar'
import '../../cases.scss'

const gate = { login: true } as const

export default function RegistrationFormPage() {
  return (
    <PageShell name='cases' gate={gate} what='自愿注册信用信息'>
      <RegistrationForm />
    </PageShell>
  )
}

function RegistrationForm() {
  const form = useCaseForm<RegistrationDraft>({
    formKey: registrationFormKey,
    empty: EMPTY_REGISTRATION,
    detail: caseRoutes.registration,
    pendingNote: '已保存，网络恢复后会自动提交，不会重复提交。',
  })
  const { edit, waiting, uploading, subject: actingFor } = form
  const truth = useTruthCommitment(form.formKey)
  // The commitment to send is the newest unused one the subject signed.
  const draft = { ...form.data, commitmentId: truth.commitment?.id ?? null }
  const [tried, setTried] = useState(false)
  const problem = registrationProblem(draft, { done: form.attachmentIds.length, uploading })

  const submit = () =>
    void form.submit((ctx) => {
      setTried(true)
      return problem ? null : registrationSubmission(ctx.ownerId, ctx.subject, draft, ctx.attachmentIds)
    })

  return (
    <View>
      <View className='card cases-item'>
        <Text className='section-title'>{actingFor ? '为企业登记守信信息' : '登记本人的守信信息'}</Text>
        <Text className='muted'>提交后由信用主管部门核验，核验通过的信息计入信用记录并可加分；未通过的不计入。{actingFor ? `当前以企业身份（${actingFor}）提交。` : ''}</Text>
      </View>

      <View className='card'>
        <View className='field'>
          <Text className='field-label'>信息类别</Text>
          <ChoiceChips label='信息类别' options={VOLUNTARY_CATEGORIES} value={draft.category} disabled={waiting} onChange={(category) => edit({ category })} />
        </View>
        <View className='field'>
          <Text className='field-label'>信息名称</Text>
          <View className='field-box'>
            <Input className='field-input' value={draft.title} maxlength={VOLUNTARY_TITLE_MAX} placeholder='如：建筑业企业资质证书、年度慈善捐赠' nativeProps={{ 'aria-label': '信息名称' }} disabled={waiting} onInput={(e) => edit({ title: e.detail.value })} />
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>具体说明</Text>
          <View className='field-box cases-textarea-box'>
            <Textarea className='cases-textarea' value={draft.description} maxlength={VOLUNTARY_DESCRIPTION_MAX} placeholder='颁发或认定单位、日期、编号、金额等' nativeProps={{ 'aria-label': '具体说明' }} disabled={waiting} onInput={(e) => edit({ description: e.detail.value })} />
          </View>
          <Text className='muted cases-count'>{draft.description.trim().length}/{VOLUNTARY_DESCRIPTION_MAX}</Text>
        </View>
        <View className='field'>
          <Text className='field-label'>证明材料（至少 1 个）</Text>
          <Uploader key={form.formKey} subject={actingFor} initial={form.savedFiles} onChange={form.onFiles} />
        </View>
        <View className='field'>
          <Text className='field-label'>真实性承诺</Text>
          {truth.commitment ? (
            <View className='cases-row' role='status'>
              <Text className='cases-row-label'>已签署《{truth.commitment.template.title}》</Text>
              <Text className='cases-row-value'>{truth.commitment.receiptNo}</Text>
            </View>
          ) : (
            <View>
              <Text className='muted'>{truth.loading ? '正在查询已签署的承诺…' : '每项注册须签署一份《信用信息自愿注册真实性承诺书》，签署后返回本页即可提交。'}</Text>
              <ActionButton kind='secondary' small className='cases-gap' disabled={truth.loading} onClick={() => openPage(commitmentRoutes.sign(VOLUNTARY_COMMITMENT_TEMPLATE))}>
                签署真实性承诺书
              </ActionButton>
            </View>
          )}
        </View>

        <SubmitBar
          problem={problem}
          tried={tried}
          form={form}
          label='提交核验'
          onSubmit={submit}
          list={{ label: '查看已注册的信息 ›', url: caseRoutes.registrations }}
        />
      </View>
    </View>
  )
}
