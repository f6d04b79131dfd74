// 作出决定: 更正 (with the corrected fields) / 撤销 / 维持, with written reasons the citizen will
// read. The page confirms and sends; a refusal comes back as `error`.
import { Input, Text, Textarea, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { inputText } from '../../../../features/objections/form'
import type { CreditRecord } from '../../../../services/types'
import type { DecisionRequest } from '../../../../services/objections-api'
import { checkDecision, EMPTY_DECISION, OUTCOME_OPTIONS, REASONS_MAX, type DecisionDraft } from './rules'
import './index.scss'

export interface DecisionFormProps {
  record: Pick<CreditRecord, 'title' | 'content' | 'documentNo' | 'severity' | 'polarity'>
  busy?: boolean
  /** the server's refusal of the last attempt */
  error?: string | null
  onSubmit(body: DecisionRequest): void
}

const SEVERITIES = ['轻微', '一般', '严重'] as const

export default function DecisionForm({ record, busy, error, onSubmit }: DecisionFormProps) {
  const [d, setD] = useState<DecisionDraft>(EMPTY_DECISION)
  const [problem, setProblem] = useState<string | null>(null)
  const set = (patch: Partial<DecisionDraft>) => {
    setD((x) => ({ ...x, ...patch }))
    setProblem(null)
  }
  const correct = (patch: DecisionDraft['correction']) => set({ correction: { ...d.correction, ...patch } })

  const submit = () => {
    const checked = checkDecision(d)
    if (!checked.ok) setProblem(checked.message)
    else onSubmit(checked.body)
  }

  return (
    <View className='decision'>
      <Text className='decision-label' id='decision-outcome'>
        处理结果
      </Text>
      <View className='decision-outcomes' role='radiogroup' aria-labelledby='decision-outcome'>
        {OUTCOME_OPTIONS.map((o) => (
          <View key={o.value} className={`decision-outcome ${d.outcome === o.value ? 'decision-outcome-on' : ''}`} role='radio' aria-checked={d.outcome === o.value} onClick={() => set({ outcome: o.value })}>
            <Text className='decision-outcome-label'>{o.label}</Text>
            <Text className='decision-outcome-hint'>{o.hint}</Text>
          </View>
        ))}
      </View>

      {d.outcome === 'correct' && (
        <View className='decision-correction'>
          <Text className='decision-label'>更正内容（只填需要更正的项）</Text>
          <View className='field'>
            <Text className='field-label'>标题</Text>
            <View className='field-box'>
              <Input className='field-input' value={d.correction.title ?? ''} placeholder={record.title} aria-label='更正后的标题' onInput={(e) => correct({ title: inputText(e) })} />
            </View>
          </View>
          <View className='field'>
            <Text className='field-label'>决定文书号</Text>
            <View className='field-box'>
              <Input className='field-input' value={d.correction.documentNo ?? ''} placeholder={record.documentNo ?? '无'} aria-label='更正后的决定文书号' onInput={(e) => correct({ documentNo: inputText(e) })} />
            </View>
          </View>
          <View className='field'>
            <Text className='field-label'>内容</Text>
            <Textarea className='decision-textarea' value={d.correction.content ?? ''} placeholder={record.content} maxlength={2000} aria-label='更正后的内容' onInput={(e) => correct({ content: inputText(e) })} />
          </View>
          {record.polarity === 'negative' && (
            <View className='field'>
              <Text className='field-label'>失信程度{record.severity ? `（现为${record.severity}）` : ''}</Text>
              <View className='decision-severities' role='radiogroup' aria-label='更正后的失信程度'>
                {SEVERITIES.map((s) => (
                  <View key={s} className={`decision-severity ${d.correction.severity === s ? 'decision-outcome-on' : ''}`} role='radio' aria-checked={d.correction.severity === s} onClick={() => correct({ severity: d.correction.severity === s ? undefined : s })}>
                    {s}
                  </View>
                ))}
              </View>
            </View>
          )}
        </View>
      )}

      <Text className='decision-label'>决定理由（将告知信用主体）</Text>
      <Textarea className='decision-textarea' value={d.reasons} maxlength={REASONS_MAX} placeholder='写明核查经过、依据和结论' aria-label='决定理由' onInput={(e) => set({ reasons: inputText(e) })} />
      <Text className='decision-counter'>{`${d.reasons.trim().length}/${REASONS_MAX}`}</Text>

      {(problem || error) && (
        <View className='form-error' role='alert'>
          {problem ?? error}
        </View>
      )}
      <ActionButton disabled={busy} onClick={submit}>
        {busy ? '正在提交…' : '提交决定'}
      </ActionButton>
    </View>
  )
}
