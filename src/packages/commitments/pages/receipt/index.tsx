// 承诺回执: the receipt number, what was signed by whom and when, the text's hash, the status,
// and a QR code of the public verify page.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import { isPublicKind } from '../../../../features/commitments/labels'
import { verifyUrl } from '../../../../features/commitments/platform/verify-url'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { openPage, routes } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { fetchCommitment, type CommitmentDetail } from '../../../../services/commitments-api'
import { useAuthStore } from '../../../../stores/auth'
import QrCode from '../../../../components/qr-code'
import ReceiptFields from '../../components/receipt-fields'
import { usePageClass } from '../../../../hooks/use-page-class'
import './index.scss'

export default function ReceiptPage() {
  const pageClass = usePageClass()
  const { id = '', new: justSigned } = useRouter().params
  const loggedIn = useAuthStore((s) => Boolean(s.refreshToken))
  const [commitment, setCommitment] = useState<CommitmentDetail | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [showText, setShowText] = useState(false)
  const [reloads, setReloads] = useState(0)

  useEffect(() => {
    if (!loggedIn || !id) return
    let live = true
    setError(null)
    fetchCommitment(id).then(
      (c) => live && setCommitment(c),
      (e) => live && setError(toApiError(e).message),
    )
    return () => {
      live = false
    }
  }, [id, loggedIn, reloads])

  if (!loggedIn) {
    return (
      <View className={pageClass}>
        <View className='card'>
          <Text className='section-title'>登录后查看回执</Text>
          <Text className='muted'>不登录也可以在“回执核验”中凭编号核验。</Text>
          <ActionButton className='rc-action' onClick={() => openPage(routes.login)}>
            登录 / 注册
          </ActionButton>
        </View>
      </View>
    )
  }

  if (!commitment) {
    return (
      <View className={pageClass}>
        <View className='card'>
          {error ? (
            <>
              <View className='form-error' role='alert'>
                {error}
              </View>
              <ActionButton kind='secondary' onClick={() => setReloads((n) => n + 1)}>
                重新加载
              </ActionButton>
            </>
          ) : (
            <Text className='muted'>正在加载回执…</Text>
          )}
        </View>
      </View>
    )
  }

  const published = commitment.subject.kind === 'enterprise' && isPublicKind(commitment.template.kind)

  return (
    <View className={`${pageClass} rc`}>
      <View className='card rc-head'>
        {justSigned && (
          <View className='rc-done' role='status'>
            <Text className='rc-done-mark'>✓</Text>
            <Text className='rc-done-text'>签署成功</Text>
          </View>
        )}
        <Text className='rc-no-label'>回执编号</Text>
        <Text className='rc-no' selectable>
          {commitment.receiptNo}
        </Text>
        <View className='link rc-copy' role='button' onClick={() => void Taro.setClipboardData({ data: commitment.receiptNo })}>
          复制编号
        </View>
      </View>

      <View className='card'>
        <ReceiptFields facts={commitment} />
      </View>

      <View className='card rc-qr-card'>
        <QrCode className='rc-qr' value={verifyUrl(commitment.receiptNo)} label={`回执 ${commitment.receiptNo} 的核验二维码`} />
        <Text className='rc-qr-title'>扫码核验</Text>
        <Text className='muted rc-qr-note'>任何人扫码或在“回执核验”中输入回执编号，都可以核验这份承诺，无需登录。</Text>
        {published && <Text className='tag tag-ok rc-published'>已在“承诺公示”中向社会公开</Text>}
      </View>

      <View className='card'>
        <View className='rc-text-head' role='button' aria-expanded={showText} onClick={() => setShowText((v) => !v)}>
          <Text className='section-title rc-text-title'>承诺书全文</Text>
          <Text className='link'>{showText ? '收起' : '展开'}</Text>
        </View>
        {showText &&
          commitment.text
            .split('\n')
            .filter((p) => p.trim() !== '')
            .map((p, i) => (
              <Text key={i} className='rc-paragraph'>
                {p}
              </Text>
            ))}
      </View>

      <View className='rc-actions'>
        <ActionButton kind='secondary' onClick={() => openPage(commitmentRoutes.mine)}>
          我的承诺
        </ActionButton>
        <ActionButton kind='text' className='rc-action' onClick={() => openPage(commitmentRoutes.home)}>
          返回信用承诺
        </ActionButton>
      </View>
    </View>
  )
}
