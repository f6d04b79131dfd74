// Sandbox login (演示/沙箱 only): pick one of the demo personas and sign in as them. Shown only
// when the server says it runs with sandbox adapters.
import { Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { roleLabel } from '../../../../features/account/labels'
import { completeLogin } from '../../../../features/account/session'
import { toApiError } from '../../../../services/api-error'
import { fetchPersonas, sandboxLogin } from '../../../../services/auth-api'
import type { Persona } from '../../../../services/types'
import './index.scss'

/** Citizens first (the people the app is for), then enterprise agents, then staff. */
const rank = (p: Persona) => (p.roles.every((r) => r === 'citizen') ? 0 : p.roles.includes('agent') ? 1 : 2)
const byAudience = (list: Persona[]) => [...list].sort((a, b) => rank(a) - rank(b))

export default function PersonaPicker({ disabled = false }: { disabled?: boolean }) {
  const [personas, setPersonas] = useState<Persona[] | null>(null)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [busyId, setBusyId] = useState<string | null>(null)

  useEffect(() => {
    fetchPersonas().then((list) => setPersonas(byAudience(list)), (e) => setLoadError(toApiError(e).message))
  }, [])

  const pick = async (persona: Persona) => {
    if (disabled || busyId) return
    setBusyId(persona.id)
    setError(null)
    try {
      completeLogin(await sandboxLogin(persona.id))
    } catch (e) {
      setError(toApiError(e).message)
      setBusyId(null)
    }
  }

  return (
    <View className='card persona-picker'>
      <View className='persona-head'>
        <Text className='section-title persona-title'>演示账号</Text>
        <Text className='tag tag-warn'>沙箱环境</Text>
      </View>
      <Text className='persona-lead'>
        仅用于演示和测试：选择一个虚构身份即可登录，无需验证码。正式环境不会出现此入口。
      </Text>
      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      {loadError && <Text className='form-error'>演示账号加载失败：{loadError}</Text>}
      {!personas && !loadError && <Text className='muted'>正在加载演示账号…</Text>}
      {personas?.map((p) => (
        <View
          key={p.id}
          className={`persona ${busyId === p.id ? 'persona-busy' : ''} ${disabled ? 'persona-disabled' : ''}`}
          role='button'
          aria-disabled={disabled}
          aria-label={`以演示身份 ${p.name} 登录：${p.summary}`}
          data-persona={p.id}
          onClick={() => pick(p)}
        >
          <View className='persona-main'>
            <View className='persona-name-row'>
              <Text className='persona-name'>{p.name}</Text>
              {p.roles.map((r) => (
                <Text key={r} className='tag tag-muted persona-role'>
                  {roleLabel(r)}
                </Text>
              ))}
            </View>
            <Text className='persona-summary'>{p.summary}</Text>
          </View>
          <Text className='persona-go'>{busyId === p.id ? '登录中…' : '登录 ›'}</Text>
        </View>
      ))}
    </View>
  )
}
