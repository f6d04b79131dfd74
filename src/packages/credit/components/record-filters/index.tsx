// The record list's filters: 全部 / 正面 / 负面, then 类别 and 状态 as scrollable rows of chips.
import { ScrollView, Text, View } from '@tarojs/components'
import { POLARITY_LABELS, RECORD_KINDS, RECORD_STATUSES } from '../../../../features/credit/labels'
import type { Polarity, RecordFilter, RecordStatus } from '../../../../services/types'
import './index.scss'

interface Option<T> {
  value: T | undefined
  label: string
}

function ChipRow<T extends string>({ name, options, value, onChange }: { name: string; options: Option<T>[]; value: T | undefined; onChange(v: T | undefined): void }) {
  return (
    <View className='filters-row'>
      <Text className='filters-row-name'>{name}</Text>
      <ScrollView scrollX className='filters-scroll' enhanced showScrollbar={false}>
        <View className='filters-chips' role='radiogroup' aria-label={name}>
          {options.map((o) => {
            const on = o.value === value
            return (
              <View
                key={o.label}
                className={`chip ${on ? 'chip-on' : ''}`}
                role='radio'
                aria-checked={on}
                aria-label={`${name}：${o.label}`}
                onClick={() => onChange(o.value)}
              >
                {o.label}
              </View>
            )
          })}
        </View>
      </ScrollView>
    </View>
  )
}

const polarities: Option<Polarity>[] = [
  { value: undefined, label: '全部' },
  { value: 'positive', label: POLARITY_LABELS.positive },
  { value: 'negative', label: POLARITY_LABELS.negative },
]
const kinds: Option<string>[] = [{ value: undefined, label: '全部' }, ...RECORD_KINDS.map((k) => ({ value: k, label: k }))]
const statuses: Option<RecordStatus>[] = [{ value: undefined, label: '全部' }, ...RECORD_STATUSES.map((s) => ({ value: s, label: s }))]

export default function RecordFilters({ filter, onChange }: { filter: RecordFilter; onChange(f: RecordFilter): void }) {
  return (
    <View className='card filters'>
      <View className='segments' role='radiogroup' aria-label='性质'>
        {polarities.map((o) => {
          const on = o.value === filter.polarity
          return (
            <View
              key={o.label}
              className={`segment ${on ? 'segment-on' : ''}`}
              role='radio'
              aria-checked={on}
              aria-label={`性质：${o.label}`}
              onClick={() => onChange({ ...filter, polarity: o.value })}
            >
              {o.label}
            </View>
          )
        })}
      </View>
      <ChipRow name='类别' options={kinds} value={filter.kind} onChange={(kind) => onChange({ ...filter, kind })} />
      <ChipRow name='状态' options={statuses} value={filter.status} onChange={(status) => onChange({ ...filter, status })} />
    </View>
  )
}
