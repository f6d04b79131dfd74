// SMS login: phone number (kept as a draft across restarts), 获取验证码 with a resend countdown,
// the 6-digit code, and the server's answer in Chinese.
import { Button, Input, Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { validatePhone, validateSmsCode } from '../../../../domain/login-input'
import { maskPhone } from '../../../../domain/mask'
import { SMS_CODE_LENGTH, SMS_RESEND_INTERVAL_SECONDS } from '../../../../domain/policy'
import { completeLogin } from '../../../../features/account/session'
import { toApiError } from '../../../../services/api-error'
import { sendSmsCode, verifySmsCode } from '../../../../services/auth-api'
import { useLoginDraftStore } from '../../../../stores/login-draft'
import { useCountdown } from './use-countdown'
import './index.scss'

const digits = (value: string, max: number) => value.replace(/\D/g, '').slice(0, max)

/** Answers after which the code sent can no longer log in: the user needs a new one now. */
const SPENT_CODE_ERRORS = new Set(['SMS_CODE_BURNT', 'SMS_CODE_EXPIRED', 'SMS_CODE_INVALID'])

export default function SmsLoginForm({ disabled = false }: { disabled?: boolean }) {
  const phone = useLoginDraftStore((s) => s.phone)
  const setPhone = useLoginDraftStore((s) => s.setPhone)
  const [code, setCode] = useState('')
  const [phoneError, setPhoneError] = useState<string | null>(null)
  const [codeError, setCodeError] = useState<string | null>(null)
  const [formError, setFormError] = useState<string | null>(null)
  const [notice, setNotice] = useState<string | null>(null)
  // The resend wait belongs to the number the code went to: a corrected number may ask at once,
  // and so may the same number once its code is spent (the server allows both).
  const [sent, setSent] = useState<{ phone: string; at: number; spent: boolean } | null>(null)
  const [sending, setSending] = useState(false)
  const [verifying, setVerifying] = useState(false)
  const sentHere = sent && sent.phone === phone ? sent : null
  const secondsLeft = useCountdown(sentHere && !sentHere.spent ? sentHere.at : null, SMS_RESEND_INTERVAL_SECONDS)

  const checkPhone = (): string | null => {
    const result = validatePhone(phone)
    setPhoneError(result.ok ? null : result.message)
    return result.ok ? result.value : null
  }

  const send = async () => {
    if (disabled || sending || secondsLeft > 0) return
    setFormError(null)
    const value = checkPhone()
    if (!value) return
    setSending(true)
    try {
      const res = await sendSmsCode(value)
      setSent({ phone: value, at: Date.now(), spent: false })
      setNotice(
        res.sandbox
          ? '演示环境不发送真实短信，验证码记录在服务端日志中（搜索“[沙箱短信]”）'
          : `验证码已发送至 ${maskPhone(value)}，5 分钟内有效`,
      )
    } catch (e) {
      setFormError(toApiError(e).message)
    } finally {
      setSending(false)
    }
  }

  const submit = async () => {
    if (disabled || verifying) return
    setFormError(null)
    const value = checkPhone()
    const codeCheck = validateSmsCode(code)
    setCodeError(codeCheck.ok ? null : codeCheck.message)
    if (!value || !codeCheck.ok) return
    setVerifying(true)
    try {
      completeLogin(await verifySmsCode(value, codeCheck.value))
    } catch (e) {
      const err = toApiError(e)
      setFormError(err.message)
      if (SPENT_CODE_ERRORS.has(err.code)) {
        setSent((s) => (s && s.phone === value ? { ...s, spent: true } : s))
        setCode('')
      }
      setVerifying(false)
    }
  }

  const canSend = !disabled && !sending && secondsLeft === 0
  const sendLabel = sending ? '发送中…' : secondsLeft > 0 ? `${secondsLeft} 秒后重发` : sentHere ? '重新获取' : '获取验证码'

  return (
    <View className='sms-form'>
      {formError && (
        <View className='form-error' role='alert'>
          {formError}
        </View>
      )}
      <View className='field'>
        <Text className='field-label'>手机号</Text>
        <View className={`field-box ${phoneError ? 'field-box-invalid' : ''}`}>
          <Input
            className='field-input'
            type='number'
            name='phone'
            value={phone}
            maxlength={11}
            placeholder='请输入 11 位手机号'
            disabled={disabled}
            nativeProps={{ 'aria-label': '手机号', inputMode: 'tel', autoComplete: 'tel' }}
            onInput={(e) => {
              setPhone(digits(e.detail.value, 11))
              setPhoneError(null)
            }}
          />
        </View>
        {phoneError && <Text className='field-error'>{phoneError}</Text>}
      </View>
      <View className='field'>
        <Text className='field-label'>验证码</Text>
        <View className={`field-box ${codeError ? 'field-box-invalid' : ''}`}>
          <Input
            className='field-input'
            type='number'
            name='code'
            value={code}
            maxlength={SMS_CODE_LENGTH}
            placeholder={`${SMS_CODE_LENGTH} 位数字验证码`}
            disabled={disabled}
            nativeProps={{ 'aria-label': '验证码', inputMode: 'numeric', autoComplete: 'one-time-code' }}
            onInput={(e) => {
              setCode(digits(e.detail.value, SMS_CODE_LENGTH))
              setCodeError(null)
            }}
          />
          <Button className={`sms-send ${canSend ? '' : 'sms-send-disabled'}`} disabled={!canSend || undefined} onClick={send}>
            {sendLabel}
          </Button>
        </View>
        {codeError && <Text className='field-error'>{codeError}</Text>}
        {notice && sentHere && !sentHere.spent && !codeError && <Text className='sms-notice'>{notice}</Text>}
      </View>
      <ActionButton disabled={disabled || verifying} onClick={submit}>
        {verifying ? '登录中…' : '登录'}
      </ActionButton>
    </View>
  )
}
