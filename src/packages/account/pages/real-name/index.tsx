// 实名认证: name + resident ID number, checked here for instant feedback and again by the server.
// The ID number stays in memory only (never in storage); one idempotency key covers every retry
// of the same submission.
import { Input, Text, View } from '@tarojs/components'
import { useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Icon from '../../../../components/icon'
import PageShell from '../../../../components/page-shell'
import { validateIdNumber } from '../../../../domain/id-number'
import { validatePersonName } from '../../../../domain/login-input'
import { toast } from '../../../../platform/feedback'
import { goBack, routes } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { submitRealName } from '../../../../services/auth-api'
import { useGate } from '../../../../hooks/use-gate'
import { newIdempotencyKey } from '../../../../services/http'
import { useAuthStore } from '../../../../stores/auth'
import { hasConsented, useConsentStore } from '../../../../stores/consent'
import idcardIcon from '../../../../assets/icons/idcard.svg'
import './index.scss'

const ID_LENGTH = 18

// Where the real-name gate sends people: the shell asks only for consent and a session.
const gate = { login: true } as const

export default function RealNamePage() {
  const { user } = useGate(gate)
  const consented = useConsentStore(hasConsented)
  const [name, setName] = useState('')
  const [idNumber, setIdNumber] = useState('')
  const [touched, setTouched] = useState({ name: false, id: false })
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState<string | null>(null)
  /** the submission the key belongs to: a changed form is a new submission with a new key */
  const attempt = useRef<{ body: string; key: string } | null>(null)

  const nameCheck = validatePersonName(name)
  const idCheck = validateIdNumber(idNumber)
  const nameError = touched.name && !nameCheck.ok ? nameCheck.message : null
  const idError = (touched.id || idNumber.length >= ID_LENGTH) && !idCheck.ok ? idCheck.message : null

  const submit = async () => {
    if (submitting) return
    setTouched({ name: true, id: true })
    setError(null)
    if (!nameCheck.ok || !idCheck.ok) return
    const body = JSON.stringify([nameCheck.value, idCheck.value.value])
    if (attempt.current?.body !== body) attempt.current = { body, key: newIdempotencyKey() }
    setSubmitting(true)
    try {
      const profile = await submitRealName(nameCheck.value, idCheck.value.value, attempt.current.key)
      useAuthStore.getState().setUser(profile)
      attempt.current = null
      setIdNumber('')
      toast('实名认证成功', 'success')
      goBack(routes.mine)
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setSubmitting(false)
    }
  }

  if (user?.realNameVerified) {
    return (
      <PageShell name='real-name' gate={gate} what='进行实名认证'>
        <View className='card real-name-state'>
          <Text className='tag tag-ok'>已实名认证</Text>
          <Text className='real-name-state-title'>{user.name}</Text>
          <Text className='muted'>身份证号 {user.idNumber}</Text>
          <ActionButton kind='secondary' className='real-name-state-btn' onClick={() => goBack(routes.mine)}>
            返回
          </ActionButton>
        </View>
      </PageShell>
    )
  }

  return (
    <PageShell name='real-name' gate={gate} what='进行实名认证'>
      <View className='card real-name-intro'>
        <Icon className='real-name-icon' src={idcardIcon} />
        <View className='real-name-intro-text'>
          <Text className='real-name-intro-title'>核验您的身份</Text>
          <Text className='muted'>实名后才能查询本人的公共信用信息。身份证号码只用于核验，不会保存在本机。</Text>
        </View>
      </View>

      <View className='card'>
        {error && (
          <View className='form-error' role='alert'>
            {error}
          </View>
        )}
        <View className='field'>
          <Text className='field-label'>姓名</Text>
          <View className={`field-box ${nameError ? 'field-box-invalid' : ''}`}>
            <Input
              className='field-input'
              name='name'
              value={name}
              maxlength={20}
              placeholder='与身份证上的姓名一致'
              disabled={!consented}
              nativeProps={{ 'aria-label': '姓名', autoComplete: 'name' }}
              onInput={(e) => setName(e.detail.value)}
              onBlur={() => setTouched((t) => ({ ...t, name: true }))}
            />
          </View>
          {nameError && <Text className='field-error'>{nameError}</Text>}
        </View>
        <View className='field'>
          <Text className='field-label'>身份证号码</Text>
          <View className={`field-box ${idError ? 'field-box-invalid' : ''}`}>
            <Input
              className='field-input'
              type='idcard'
              name='idNumber'
              value={idNumber}
              maxlength={ID_LENGTH}
              placeholder='18 位居民身份证号码'
              disabled={!consented}
              nativeProps={{ 'aria-label': '身份证号码', autoComplete: 'off' }}
              onInput={(e) => setIdNumber(e.detail.value.replace(/[^\dXx]/g, '').toUpperCase().slice(0, ID_LENGTH))}
              onBlur={() => setTouched((t) => ({ ...t, id: true }))}
            />
          </View>
          {idError ? (
            <Text className='field-error'>{idError}</Text>
          ) : (
            idCheck.ok && <Text className='real-name-ok'>号码格式正确</Text>
          )}
        </View>
        <ActionButton disabled={!consented || submitting} onClick={submit}>
          {submitting ? '提交中…' : '提交认证'}
        </ActionButton>
        <ActionButton kind='text' className='real-name-later' onClick={() => goBack(routes.home)}>
          暂不认证
        </ActionButton>
      </View>
    </PageShell>
  )
}
