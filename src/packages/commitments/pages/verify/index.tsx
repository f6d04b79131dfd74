// 回执核验 (public, no login): type a receipt number or open with ?no= (the receipt's QR code);
// shows what was signed, or the server's plain "not found" message. Public: no gate, no consent.
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { normalizeReceiptNo } from '../../../../features/commitments/labels'
import { verifyReceipt } from '../../../../services/commitments-api'
import ReceiptFields from '../../components/receipt-fields'
import { useQuery } from '../../../../hooks/use-query'
import './index.scss'

export default function VerifyPage() {
  const initial = normalizeReceiptNo(useRouter().params.no ?? '')
  const [input, setInput] = useState(initial)
  // the number being checked (the one the page was opened with, then each one confirmed)
  const [no, setNo] = useState(initial)
  const [missing, setMissing] = useState(false)
  const q = useQuery(no ? `receipt-verify|${no}` : null, () => verifyReceipt(no))
  const checking = q.status === 'loading'

  const check = (raw: string) => {
    const next = normalizeReceiptNo(raw)
    setMissing(!next)
    if (next === no) void q.reload({ reset: true })
    else setNo(next)
  }
  const receipt = !missing && q.status === 'ready' ? q.data : null
  const notFound = !missing && q.status === 'error' && q.errorStatus === 404
  const failed = missing ? '请输入回执编号' : q.status === 'error' && !notFound ? q.error : null

  return (
    <PageShell name='vf'>
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
            onConfirm={() => check(input)}
          />
        </View>
        <ActionButton className='vf-button' disabled={checking} onClick={() => check(input)}>
          {checking ? '正在核验…' : '核验'}
        </ActionButton>
        <Text className='muted vf-note'>回执编号印在承诺回执上，扫描回执上的二维码可直接核验。核验无需登录。</Text>
      </View>

      {receipt && (
        <View className='card vf-valid'>
          <View className='vf-verdict' role='status'>
            <Text className='vf-mark vf-mark-ok'>✓</Text>
            <View className='vf-verdict-text'>
              <Text className='vf-verdict-title vf-ok'>回执有效</Text>
              <Text className='muted'>编号 {receipt.receiptNo} 是信用通出具的承诺回执</Text>
            </View>
          </View>
          <ReceiptFields facts={receipt} />
        </View>
      )}

      {notFound && (
        <View className='card vf-verdict' role='status'>
          <Text className='vf-mark vf-mark-warn'>!</Text>
          <View className='vf-verdict-text'>
            <Text className='vf-verdict-title vf-warn'>未找到该回执</Text>
            <Text className='vf-message'>{q.error}</Text>
          </View>
        </View>
      )}

      {failed && (
        <View className='form-error' role='alert'>
          {failed}
        </View>
      )}
    </PageShell>
  )
}
