// 注销账号 (PIPL Art. 47): what is removed, what the law keeps, a confirmation, then the account is
// deleted on the server, this device forgets everything, and the user is logged out.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import { confirm, toast } from '../../../../platform/feedback'
import { openPage, routes } from '../../../../platform/navigation'
import { deleteAccount } from '../../../../services/account-api'
import { toApiError } from '../../../../services/api-error'
import { useAuthStore } from '../../../../stores/auth'
import { useLoginDraftStore } from '../../../../stores/login-draft'
import '../account-pages.scss'

const REMOVED = ['账号及手机号、微信登录绑定', '实名认证绑定和代理企业的关系', '对合作机构的全部授权', '未使用的卡券、免押资格和核验码', '尚未开始的公益任务预约（自动取消，名额留给他人）', '本机保存的登录状态和草稿']
const KEPT = [
  '公共信用信息（行政处罚、守信红名单等）由作出决定的部门依法保存和公示，不因注销而删除',
  '已签署的信用承诺书和已核销的卡券记录，作为办理和结算的依据依法保存',
  '他人查询您信用信息的记录，按规定保存',
]

const gate = { login: true } as const

export default function DeleteAccountPage() {
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const submit = async () => {
    const ok = await confirm('确定注销账号？', '注销后不可恢复，账号、授权和未使用的卡券将被删除。', '注销')
    if (!ok) return
    setBusy(true)
    setError(null)
    try {
      await deleteAccount()
      // The server has revoked every session; this device forgets its own copy of everything.
      useAuthStore.getState().clear()
      useLoginDraftStore.getState().clear()
      Taro.clearStorageSync()
      toast('账号已注销', 'success')
      openPage(routes.mine)
    } catch (e) {
      setError(toApiError(e).message)
    } finally {
      setBusy(false)
    }
  }

  return (
    <PageShell name='delete-account' gate={gate} what='注销账号'>
      <View className='card'>
        <Text className='section-title'>注销后将删除</Text>
        {REMOVED.map((r) => (
          <Text key={r} className='account-item account-item-removed'>
            {r}
          </Text>
        ))}
      </View>
      <View className='card'>
        <Text className='section-title'>依法保留</Text>
        {KEPT.map((k) => (
          <Text key={k} className='account-item'>
            {k}
          </Text>
        ))}
        <Text className='account-text'>注销前可在“我的 → 下载个人信息副本”保存一份您的信息。</Text>
      </View>
      {error && (
        <View className='form-error' role='alert'>
          {error}
        </View>
      )}
      <ActionButton className='account-danger' disabled={busy} onClick={submit}>
        {busy ? '正在注销…' : '注销账号'}
      </ActionButton>
    </PageShell>
  )
}
