// 承诺回执: the receipt number, what was signed by whom and when, the text's hash, the status,
// and a QR code of the public verify page.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { isPublicKind } from '../../../../features/commitments/labels'
import { verifyUrl } from '../../../../features/commitments/platform/verify-url'
import { commitmentRoutes } from '../../../../features/commitments/routes'
import { openPage } from '../../../../platform/navigation'
import { fetchCommitment, type CommitmentDetail } from '../../../../services/commitments-api'
import QrCode from '../../../../components/qr-code'
import ReceiptFields from '../../components/receipt-fields'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import commitmentIcon from '../../../../assets/icons/commitment.svg'
import './index.scss'

const gate = { login: true } as const

export default function ReceiptPage() {
  const { id = '', new: justSigned } = useRouter().params
  const { scope } = useGate(gate)
  // a status change (履约中 → 已失效) reaches it through 'commitments'
  const q = useQuery(scope && id ? `commitment|${scope}|${id}` : null, () => fetchCommitment(id), { topics: ['commitments'] })
  if (!id) {
    return (
      <PageShell name='rc'>
        <StateView icon={commitmentIcon} title='未指定回执' description='请从“我的承诺”打开回执，或在“回执核验”中凭编号核验。' actionText='我的承诺' onAction={() => openPage(commitmentRoutes.mine)} />
      </PageShell>
    )
  }
  return (
    <PageShell
      name='rc'
      gate={gate}
      what='查看回执（不登录也可以在“回执核验”中凭编号核验）'
      query={q}
      skeleton={{ cards: 3, lines: 4, label: '正在加载回执' }}
      errorTitle='回执加载失败'
      notFound={{ title: '没有找到这份回执', description: '回执不存在，或不属于当前签署身份。', actionText: '我的承诺', onAction: () => openPage(commitmentRoutes.mine) }}
    >
      {(c) => <Receipt commitment={c} justSigned={Boolean(justSigned)} />}
    </PageShell>
  )
}

function Receipt({ commitment, justSigned }: { commitment: CommitmentDetail; justSigned: boolean }) {
  const [showText, setShowText] = useState(false)
  const published = commitment.subject.kind === 'enterprise' && isPublicKind(commitment.template.kind)

  return (
    <View>
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
