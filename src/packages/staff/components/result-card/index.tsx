// The answer of a staff check, big enough to read at arm's length: green with a tick for yes, red
// with a cross for no, and the details that matter under it.
import { Text, View } from '@tarojs/components'
import type { ReactNode } from 'react'
import Icon from '../../../../components/icon'
import failureIcon from '../../../../assets/icons/failure.svg'
import successIcon from '../../../../assets/icons/success.svg'
import './index.scss'

export interface ResultCardProps {
  ok: boolean
  title: string
  /** the main line under the title (the benefit, or the reason it failed) */
  message?: string
  rows?: { label: string; value: string | null | undefined }[]
  children?: ReactNode
}

export default function ResultCard({ ok, title, message, rows = [], children }: ResultCardProps) {
  return (
    <View className={`card result ${ok ? 'result-ok' : 'result-fail'}`} role={ok ? 'status' : 'alert'} aria-live='assertive'>
      <View className='result-head'>
        <Icon className='result-icon' src={ok ? successIcon : failureIcon} />
        <Text className='result-title'>{title}</Text>
      </View>
      {message && <Text className='result-message'>{message}</Text>}
      {rows.some((r) => r.value) && (
        <View className='result-rows'>
          {rows
            .filter((r) => r.value)
            .map((r) => (
              <View key={r.label} className='result-row'>
                <Text className='result-row-label'>{r.label}</Text>
                <Text className='result-row-value'>{r.value}</Text>
              </View>
            ))}
        </View>
      )}
      {children}
    </View>
  )
}
