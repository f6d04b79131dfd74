// 签署身份: for a user who acts for enterprises, a choice between themself and each enterprise.
// The choice is the app's acting subject (sent as X-Subject), so lists and signing follow it.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import { useAuthStore } from '../../../../stores/auth'
import './index.scss'

interface Option {
  uscc: string | null
  name: string
  relation: string
}

/** `compact`: one line with the current choice and 更换, the options only on request. */
export default function SubjectSwitcher({ verb = '签署', compact = false }: { verb?: '签署' | '查看'; compact?: boolean }) {
  const title = `${verb}身份`
  const user = useAuthStore((s) => s.user)
  const actingFor = useAuthStore((s) => s.actingFor)
  const [open, setOpen] = useState(!compact)
  const enterprises = user?.subjects.filter((s) => s.kind === 'enterprise') ?? []
  if (!user || enterprises.length === 0) return null

  const self = user.subjects.find((s) => s.kind === 'person')
  const options: Option[] = [
    { uscc: null, name: self?.name ?? user.name ?? '本人', relation: '本人' },
    ...enterprises.map((e) => ({ uscc: e.identifier, name: e.name, relation: e.relation })),
  ]
  const selected = options.find((o) => o.uscc === actingFor) ?? options[0]

  if (!open) {
    return (
      <View key='summary' className='card subject-summary'>
        <View className='subject-summary-text'>
          <Text className='muted'>{title}</Text>
          <Text className='subject-name'>
            {selected.name}（{selected.relation}）
          </Text>
        </View>
        <View className='link subject-change' role='button' aria-label={`更换${title}`} onClick={() => setOpen(true)}>
          更换
        </View>
      </View>
    )
  }

  return (
    // Keyed apart from the summary: a tap that closes the list must not land on the new 更换 link
    // (Taro H5 components listen natively, and React re-renders before the tap finishes bubbling).
    <View key='options' className='card subject-switcher'>
      <Text className='section-title subject-title'>{title}</Text>
      <View role='radiogroup' aria-label={title}>
        {options.map((o) => {
          const checked = o === selected
          return (
            <View
              key={o.uscc ?? 'self'}
              className={`subject-option ${checked ? 'subject-option-checked' : ''}`}
              role='radio'
              aria-checked={checked}
              aria-label={`以${o.uscc ? o.name : '本人'}身份${verb}`}
              data-subject={o.uscc ?? 'self'}
              onClick={() => {
                useAuthStore.getState().setActingFor(o.uscc)
                if (compact) setOpen(false)
              }}
            >
              <View className='subject-radio'>{checked && <View className='subject-radio-dot' />}</View>
              <View className='subject-text'>
                <Text className='subject-name'>{o.name}</Text>
                {o.uscc && <Text className='subject-uscc'>统一社会信用代码 {o.uscc}</Text>}
              </View>
              <Text className={`tag ${checked ? 'tag-accent' : 'tag-muted'}`}>{o.relation}</Text>
            </View>
          )
        })}
      </View>
      <Text className='muted subject-note'>当前以“{selected.name}”的身份签署和查看承诺</Text>
    </View>
  )
}
