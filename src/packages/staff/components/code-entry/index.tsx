// How staff enter a code: the camera scanner (WeChat's in the mini-program, the browser camera on
// H5), and always a typed field, so a damaged or dim QR code — or a refused camera — can still be
// handled.
import { Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Icon from '../../../../components/icon'
import { canScan, scanQrCode } from '../../scan'
import scanIcon from '../../../../assets/icons/scan.svg'
import './index.scss'

export interface CodeEntryProps {
  /** 卡券码 / 免押资格码 */
  codeName: string
  scanText: string
  submitText: string
  busy: boolean
  /** resolves true when the code was handled and the field may be cleared for the next one */
  onCode: (code: string) => Promise<boolean>
  /** an example of what to type */
  placeholder?: string
}

export default function CodeEntry({ codeName, scanText, submitText, busy, onCode, placeholder = '例如 K7QM-2XRD-9PTA' }: CodeEntryProps) {
  const [typed, setTyped] = useState('')
  const [problem, setProblem] = useState<string | null>(null)
  const code = typed.trim().toUpperCase()

  const scan = async () => {
    if (busy) return
    setProblem(null)
    try {
      const text = await scanQrCode()
      if (text) await onCode(text.trim())
    } catch (e) {
      setProblem(e instanceof Error ? e.message : '无法打开相机，请手动输入下方的码')
    }
  }
  const submit = async () => {
    if (busy || !code) return
    if (await onCode(code)) setTyped('')
  }

  return (
    <View className='card code-entry'>
      {canScan && (
        <>
          <ActionButton className='code-entry-scan' disabled={busy} onClick={scan}>
            <Icon className='code-entry-scan-icon' src={scanIcon} />
            {scanText}
          </ActionButton>
          {problem && (
            <View className='form-error' role='alert'>
              {problem}
            </View>
          )}
          <Text className='code-entry-or'>或手动输入{codeName}</Text>
        </>
      )}
      {!canScan && <Text className='field-label'>输入{codeName}</Text>}
      <View className='field-box code-entry-box'>
        <Input
          className='field-input code-entry-input'
          value={typed}
          maxlength={32}
          placeholder={placeholder}
          confirmType='done'
          nativeProps={{ 'aria-label': codeName, autoComplete: 'off', autoCapitalize: 'characters' }}
          onInput={(e) => setTyped(e.detail.value)}
          onConfirm={submit}
        />
      </View>
      <ActionButton kind={canScan ? 'secondary' : 'primary'} disabled={busy || !code} onClick={submit}>
        {busy ? '正在查验…' : submitText}
      </ActionButton>
    </View>
  )
}
