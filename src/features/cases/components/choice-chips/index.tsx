// One choice out of a few, as large tappable chips (a radio group for screen readers).
import { Text, View } from '@tarojs/components'
import './index.scss'

export interface ChoiceChipsProps<K extends string> {
  label: string
  options: Readonly<Record<K, string>>
  value: K | null
  disabled?: boolean
  onChange(value: K): void
}

export default function ChoiceChips<K extends string>({ label, options, value, disabled, onChange }: ChoiceChipsProps<K>) {
  return (
    <View className='choice-chips' role='radiogroup' aria-label={label}>
      {(Object.keys(options) as K[]).map((k) => (
        <View
          key={k}
          className={`choice-chip ${k === value ? 'choice-chip-on' : ''}`}
          role='radio'
          aria-checked={k === value}
          data-value={k}
          onClick={() => !disabled && onChange(k)}
        >
          <Text>{options[k]}</Text>
        </View>
      ))}
    </View>
  )
}
