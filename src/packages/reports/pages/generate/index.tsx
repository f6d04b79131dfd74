// 生成信用报告: the 公共信用信息报告 of the subject, or — for an enterprise the user acts for — a
// 专项信用报告 of a chosen period (at most 5 years) and domains. The choice is a form draft and the
// request an outbox item: a lost network loses nothing and a retry never makes a second report.
// Once accepted (202) the report's page shows the progress of its PDF.
import { Picker, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useMemo, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { chinaDate } from '../../../../domain/dates'
import { SPECIAL_REPORT_MAX_YEARS } from '../../../../domain/policy'
import { REPORT_DOMAIN_NAMES, type ReportDomain } from '../../../../domain/report-request'
import { ymdText } from '../../../../features/reports/labels'
import { emptyForm, formProblem, lastYears, QUICK_PERIODS, toRequest, yearsBefore, type ReportForm } from '../../../../features/reports/report-form'
import { useGate } from '../../../../hooks/use-gate'
import { readParam, replacePage, routes, withQuery } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { discard, submit } from '../../../../services/outbox/runner'
import { itemById, useOutboxStore } from '../../../../services/outbox/store'
import { useFormDraft } from '../../../../services/outbox/use-form-draft'
import { REPORT_KIND_TITLES, type ReportKind } from '../../../../services/reports-api'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

/** Refusals that sending again cannot change today: the quota. */
const QUOTA_CODES = ['REPORT_DAILY_LIMIT', 'REPORT_YEARLY_LIMIT']

const gate = { realName: true } as const

const KINDS: { kind: ReportKind; detail: string }[] = [
  { kind: 'full', detail: '全部公共信用信息及其来源、变更经过，信用分及其构成' },
  { kind: 'special', detail: `企业在所选期间（最长 ${SPECIAL_REPORT_MAX_YEARS} 年）、所选领域有无违法违规记录，可代替无违法违规证明` },
]

export default function GenerateReportPage() {
  const params = useRouter().params
  const { step, user, enterprise } = useGate(gate)
  const actingFor = useAuthStore((s) => s.actingFor)
  const today = chinaDate()
  const asked = readParam(params, 'kind')
  const initialKind: ReportKind = asked === 'special' && enterprise ? 'special' : 'full'
  const formKey = user ? `report-request|${user.id}|${actingFor ?? ''}` : null
  const empty = useMemo(() => emptyForm(initialKind, today), [initialKind, today])
  const draft = useFormDraft<ReportForm>(formKey, user?.id ?? null, empty)
  const form = draft.data
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [waiting, setWaiting] = useState<string | null>(null)
  const inFlight = useRef(false)
  const watched = useOutboxStore(itemById(waiting))

  // Opened from 生成专项信用报告 (or 生成信用报告): that kind, whatever the draft held.
  useEffect(() => {
    if ((asked === 'full' || asked === 'special') && draft.data.kind !== initialKind) draft.update({ kind: initialKind })
  // eslint-disable-next-line react-hooks/exhaustive-deps -- runs when the ids named change, not on every new object
  }, [formKey])

  // A request that waited for the network and went through later: show its report.
  useEffect(() => {
    if (watched?.status === 'done' && watched.resultId) replacePage(withQuery(routes.reportDetail, { id: watched.resultId }))
  }, [watched?.status, watched?.resultId])

  if (step || !user) return <PageShell name='gen' gate={gate} what='生成信用报告'>{null}</PageShell>

  const problem = formProblem(form, today, Boolean(enterprise))
  const earliest = yearsBefore(form.to, SPECIAL_REPORT_MAX_YEARS)
  const toggle = (d: ReportDomain) => draft.update({ domains: form.domains.includes(d) ? form.domains.filter((x) => x !== d) : [...form.domains, d] })

  const send = async () => {
    if (problem || inFlight.current) return
    inFlight.current = true
    setSubmitting(true)
    setError(null)
    try {
      const outcome = await submit({
        kind: 'report-request',
        title: `生成${REPORT_KIND_TITLES[form.kind]}`,
        formKey,
        ownerId: user.id,
        subject: actingFor,
        url: '/reports',
        body: toRequest(form),
        resultPath: 'id',
        link: `${routes.reportDetail}?id=`,
        topics: ['reports'],
      })
      if (outcome.status === 'done') {
        const id = (outcome.data as { id: string }).id
        replacePage(withQuery(routes.reportDetail, { id }))
      } else if (outcome.status === 'failed' || QUOTA_CODES.includes(outcome.error.code)) {
        discard(outcome.item.id)
        setError(outcome.error.message)
      } else {
        setWaiting(outcome.item.id)
        setError(`${outcome.error.message}。申请已保存，联网后将自动提交，不会重复生成；也可在“我的 › 待发送”中查看。`)
      }
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      inFlight.current = false
      setSubmitting(false)
    }
  }

  return (
    <PageShell name='gen' gate={gate} what='生成信用报告' subject>

      <View className='card'>
        <Text className='section-title'>报告类型</Text>
        <View role='radiogroup' aria-label='报告类型'>
          {KINDS.map(({ kind, detail }) => {
            const on = form.kind === kind
            return (
              <View key={kind} className={`gen-option ${on ? 'gen-option-on' : ''}`} role='radio' aria-checked={on} onClick={() => draft.update({ kind })}>
                <View className={`gen-radio ${on ? 'gen-radio-on' : ''}`} />
                <View className='gen-option-text'>
                  <Text className='gen-option-name'>{REPORT_KIND_TITLES[kind]}</Text>
                  <Text className='gen-option-detail'>{detail}</Text>
                </View>
              </View>
            )
          })}
        </View>
      </View>

      {form.kind === 'special' && enterprise && (
        <>
          <View className='card'>
            <Text className='section-title'>查询期间</Text>
            <View className='gen-chips'>
              {QUICK_PERIODS.map(({ years, label }) => {
                const p = lastYears(years, today)
                const on = form.from === p.from && form.to === p.to
                return (
                  <View key={years} className={`gen-chip ${on ? 'gen-chip-on' : ''}`} role='button' aria-pressed={on} onClick={() => draft.update(p)}>
                    {label}
                  </View>
                )
              })}
            </View>
            <View className='gen-dates'>
              <Picker className='gen-date-picker' mode='date' value={form.from} start={yearsBefore(today, 30)} end={today} onChange={(e) => draft.update({ from: String(e.detail.value) })}>
                <View className='field-box gen-date' role='button' aria-label={`开始日期：${ymdText(form.from)}，点击修改`}>
                  <Text className='gen-date-label'>开始</Text>
                  <Text className='gen-date-text'>{ymdText(form.from)}</Text>
                </View>
              </Picker>
              <Text className='gen-date-sep'>至</Text>
              <Picker className='gen-date-picker' mode='date' value={form.to} start={yearsBefore(today, 30)} end={today} onChange={(e) => draft.update({ to: String(e.detail.value) })}>
                <View className='field-box gen-date' role='button' aria-label={`结束日期：${ymdText(form.to)}，点击修改`}>
                  <Text className='gen-date-label'>结束</Text>
                  <Text className='gen-date-text'>{ymdText(form.to)}</Text>
                </View>
              </Picker>
            </View>
            <Text className='gen-hint'>
              期间最长 {SPECIAL_REPORT_MAX_YEARS} 年：结束于 {ymdText(form.to)} 时，最早可从 {ymdText(earliest)} 开始。
            </Text>
          </View>

          <View className='card'>
            <View className='gen-domains-head'>
              <Text className='section-title gen-domains-title'>查询领域</Text>
              <View
                className='link gen-all'
                role='button'
                onClick={() => draft.update({ domains: form.domains.length === REPORT_DOMAIN_NAMES.length ? [] : [...REPORT_DOMAIN_NAMES] })}
              >
                {form.domains.length === REPORT_DOMAIN_NAMES.length ? '全部取消' : '全选'}
              </View>
            </View>
            <View className='gen-chips' role='group' aria-label='查询领域'>
              {REPORT_DOMAIN_NAMES.map((d) => {
                const on = form.domains.includes(d)
                return (
                  <View key={d} className={`gen-chip ${on ? 'gen-chip-on' : ''}`} role='checkbox' aria-checked={on} onClick={() => toggle(d)}>
                    {on ? '✓ ' : ''}
                    {d}
                  </View>
                )
              })}
            </View>
            <Text className='gen-hint'>报告逐个领域写明“该期间内无…领域违法违规记录”，或列出该领域的记录及其现状（如已修复）。</Text>
          </View>
        </>
      )}

      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}

      <View className='gen-submit'>
        <ActionButton disabled={Boolean(problem) || submitting || Boolean(waiting)} aria-describedby='gen-reason' onClick={() => void send()}>
          {submitting ? '正在提交…' : waiting ? '等待联网提交' : `生成${REPORT_KIND_TITLES[form.kind]}`}
        </ActionButton>
        <View id='gen-reason' className={problem ? 'gen-problem' : 'muted gen-reason'} role={problem ? 'alert' : undefined}>
          {problem ?? '提交后在后台生成并加盖电子签章，通常一分钟内完成'}
        </View>
      </View>
    </PageShell>
  )
}
