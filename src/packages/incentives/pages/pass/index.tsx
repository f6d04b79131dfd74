// 核验码 for a counter (信易阅 / 信易医 / 绿色通道 / 容缺受理): a QR code and digits that change every
// 30 s, so the counter checks the holder's standing now instead of trusting a screenshot of the
// home page; each check shows up in 查询记录.
import { Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import PageShell from '../../../../components/page-shell'
import QrCode from '../../../../components/qr-code'
import StateView from '../../../../components/state-view'
import EligibilityNote from '../../../../features/incentives/components/eligibility-note'
import { useRotatingCode } from '../../../../features/incentives/use-rotating-code'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { fetchCounterPass, type CounterPass, type PassKind } from '../../../../services/incentives-api'
import { useBrightScreen } from '../../hooks/use-bright-screen'
import inboxIcon from '../../../../assets/icons/inbox.svg'
import '../voucher/index.scss'

const KINDS: PassKind[] = ['reading-library', 'medical-first', 'green-channel']

function PassView({ pass }: { pass: CounterPass }) {
  useBrightScreen(pass.eligible)
  const rotating = useRotatingCode(pass.pass)
  const value = rotating ? `${pass.code}-${rotating.digits}` : pass.code
  return (
    <>
      <View className='card ticket'>
        <View className='ticket-head'>
          <Text className='ticket-spot'>{pass.title}</Text>
          <Text className={`tag ${pass.eligible ? 'tag-ok' : 'tag-muted'}`}>{pass.eligible ? '符合条件' : '暂不符合'}</Text>
        </View>
        <EligibilityNote eligible={pass.eligible} reasons={pass.reasons} />
        <View className='ticket-qr'>
          <QrCode value={value} label={`核验二维码，核验码 ${pass.code}${rotating ? `，动态码 ${rotating.digits}` : ''}`} />
        </View>
        <Text className='ticket-code'>{pass.code}</Text>
        {rotating && (
          <View className='ticket-pass' aria-label={`动态码 ${rotating.digits.split('').join(' ')}，${rotating.secondsLeft} 秒后刷新`}>
            <Text className='ticket-pass-label'>动态码</Text>
            <Text className='ticket-pass-digits'>{`${rotating.digits.slice(0, 3)} ${rotating.digits.slice(3)}`}</Text>
            <Text className='ticket-pass-timer'>{rotating.secondsLeft} 秒后刷新</Text>
          </View>
        )}
        <Text className='ticket-code-hint'>核验码每 30 秒自动刷新，截图无效。无法扫码时，请工作人员输入核验码和动态码</Text>
      </View>
      <View className='card ticket-rules'>
        <Text className='ticket-rules-text'>
          在服务窗口出示此页，工作人员扫码后即可看到您当前是否符合条件（姓名只显示首尾字，身份证号只显示后四位）。每次查验都会记入“我的 → 查询记录”。
        </Text>
      </View>
    </>
  )
}

const gate = { realName: true } as const

export default function CounterPassPage() {
  const param = useRouter().params.kind ?? ''
  const kind = KINDS.find((k) => k === param)
  const { scope } = useGate(gate)
  const remote = useQuery(scope && kind ? `pass|${scope}|${kind}` : null, () => fetchCounterPass(kind as PassKind), { topics: ['credit'] })
  if (!kind) {
    return (
      <PageShell name='voucher' gate={gate} what='出示核验码'>
        <StateView icon={inboxIcon} title='没有这种核验码' description='请从信易阅、信易医或绿色通道页面打开核验码。' />
      </PageShell>
    )
  }
  return (
    <PageShell name='voucher' gate={gate} what='出示核验码' query={remote} skeleton={{ cards: 1, lines: 6, label: '正在生成核验码' }} errorTitle='核验码暂时无法显示'>
      {(pass) => <PassView pass={pass} />}
    </PageShell>
  )
}
