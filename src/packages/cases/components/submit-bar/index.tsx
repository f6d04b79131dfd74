// The foot of a report or registration form: what still stands in the way (once 提交 was tapped),
// the server's refusal, a filing waiting for the network, the button, and the way to the list.
import { Text, View } from '@tarojs/components'
import ActionButton from '../../../../components/action-button'
import { openPage } from '../../../../platform/navigation'

export interface SubmitBarProps {
  /** the first thing to fix, shown once the user tried to submit */
  problem: string | null
  tried: boolean
  /** the form's state (useCaseForm) */
  form: { error: string | null; waiting: boolean; busy: boolean; uploading: boolean }
  label: string
  onSubmit(): void
  list: { label: string; url: string }
}

export default function SubmitBar({ problem, tried, form, label, onSubmit, list }: SubmitBarProps) {
  const { error, waiting, busy, uploading } = form
  const shown = error ?? (tried ? problem : null)
  return (
    <>
      {shown && (
        <View className='form-error' role='alert'>
          {shown}
        </View>
      )}
      {waiting && !busy && <Text className='muted cases-center'>待发送：网络恢复后会自动提交，不会重复提交</Text>}
      <ActionButton className='cases-gap' disabled={busy || uploading} onClick={onSubmit}>
        {busy ? '提交中…' : waiting ? '重新提交' : label}
      </ActionButton>
      <View className='link cases-center cases-gap' role='link' onClick={() => openPage(list.url)}>
        {list.label}
      </View>
    </>
  )
}
