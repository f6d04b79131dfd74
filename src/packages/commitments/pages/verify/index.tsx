// 回执核验 (public, no login): type a receipt number or open with ?no= (the receipt's QR code);
// shows what was signed, or the server's plain "not found" message.
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { normalizeReceiptNo } from '../../../../features/commitments/labels'
import { toApiError } from '../../../../services/api-error'
import { verifyReceipt, type ReceiptVerification } from '../../../../services/commitments-api'
import ReceiptFields from '../../components/receipt-fields'
import { usePageClass } from '../../../../hooks/use-page-class'
import './index.scss'

type Result = { kind: 'valid'; receipt: ReceiptVerification } | { kind: 'not-found'; message: string } | { kind: 'error'; message: string }

export default function VerifyPage() {
  const pageClass = usePageClass()
  const initial = normalizeReceiptNo(useRouter().params.no ?? '')
  const [input, setInput] = useState(initial)
  const [checking, setChecking] = useState(false)
  const [result, setResult] = useState<Result | null>(null)
  const latest = useRef(0)

  const check = async (raw: string) => {
    const no = normalizeReceiptNo(raw)
    if (!no) {
      setResult({ kind: 'error', message: '请输入回执编号' })
      return
    }
    const mine = ++latest.current
    setChecking(true)
    setResult(null)
    try {
      const receipt = await verifyReceipt(no)
      if (mine === latest.current) setResult({ kind: 'valid', receipt })
    } catch (e) {
      const err = toApiError(e)
      if (mine === latest.current) setResult({ kind: err.status === 404 ? 'not-found' : 'error', message: err.message })
    } finally {
      if (mine === latest.current) setChecking(false)
    }
  }

  useEffect(() => {
    if (initial) void check(initial)
    // only for the number the page was opened with
  }, [initial])

  return (
    <View className={`${pageClass} vf`}>
      <View className='card'>
        <Text className='field-label'>回执编号</Text>
        <View className='field-box'>
          <Input
            className='field-input'
            value={input}
            maxlength={40}
            confirmType='search'
            placeholder='如 CP20261122K7QM2XRD'
            nativeProps={{ 'aria-label': '回执编号', autoCapitalize: 'characters', autoComplete: 'off' }}
            onInput={(e) => setInput(e.detail.value)}
            onConfirm={() => void check(input)}
          />
        </View>
        <ActionButton className='vf-button' disabled={checking} onClick={() => void check(input)}>
          {checking ? '正在核验…' : '核验'}
        </ActionButton>
        <Text className='muted vf-note'>回执编号印在承诺回执上，扫描回执上的二维码可直接核验。核验无需登录。</Text>
      </View>

      {result?.kind === 'valid' && (
        <View className='card vf-valid'>
          <View className='vf-verdict' role='status'>
            <Text className='vf-mark vf-mark-ok'>✓</Text>
            <View className='vf-verdict-text'>
              <Text className='vf-verdict-title vf-ok'>回执有效</Text>
              <Text className='muted'>编号 {result.receipt.receiptNo} 是信用通出具的承诺回执</Text>
            </View>
          </View>
          <ReceiptFields facts={result.receipt} />
        </View>
      )}

      {result?.kind === 'not-found' && (
        <View className='card vf-verdict' role='status'>
          <Text className='vf-mark vf-mark-warn'>!</Text>
          <View className='vf-verdict-text'>
            <Text className='vf-verdict-title vf-warn'>未找到该回执</Text>
            <Text className='vf-message'>{result.message}</Text>
          </View>
        </View>
      )}

      {result?.kind === 'error' && (
        <View className='form-error' role='alert'>
          {result.message}
        </View>
      )}
    </View>
  )
}
