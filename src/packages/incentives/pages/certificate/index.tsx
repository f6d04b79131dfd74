// 绿色通道 / 容缺受理 资格证明: a page the user shows at a service window. It is drawn by the app
// from the server's answer at the moment it opens (masked name, level, basis, date) and says so;
// it is not a signed document, and the window can ask the user to refresh it in front of them.
import { Text, View } from '@tarojs/components'
import { useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Icon from '../../../../components/icon'
import { passUrl } from '../../../../features/incentives/routes'
import { openPage } from '../../../../platform/navigation'
import PageShell from '../../../../components/page-shell'
import StateView from '../../../../components/state-view'
import { GREEN_CHANNEL_CLEAN_YEARS } from '../../../../domain/policy'
import { chinaToday, formatDateTime } from '../../../../features/incentives/dates'
import { useGate } from '../../../../hooks/use-gate'
import { useQuery } from '../../../../hooks/use-query'
import { fetchCatalog, type Catalog } from '../../../../services/incentives-api'
import shieldIcon from '../../../../assets/icons/shield.svg'
import './index.scss'

function Certificate({ catalog, holder, at }: { catalog: Catalog; holder: string; at: Date }) {
  const { standing, greenChannel } = catalog
  const basis = [...greenChannel.reasons, ...standing.redList.map((r) => `守信红名单：${r}`)]
  return (
    <View className='card cert' role='document' aria-label='绿色通道资格证明'>
      <Text className='cert-issuer'>信用通 · 城市公共信用信息服务</Text>
      <Text className='cert-title'>绿色通道 / 容缺受理</Text>
      <Text className='cert-subtitle'>资格证明</Text>

      <View className='cert-rows'>
        <View className='cert-row'>
          <Text className='cert-label'>姓名</Text>
          <Text className='cert-value'>{holder}</Text>
        </View>
        <View className='cert-row'>
          <Text className='cert-label'>信用等级</Text>
          <Text className='cert-value'>
            {standing.level}（{standing.score} 分）
          </Text>
        </View>
        <View className='cert-row'>
          <Text className='cert-label'>资格依据</Text>
          <View className='cert-value cert-basis'>
            {basis.map((b) => (
              <Text key={b} className='cert-basis-item'>
                {b}
              </Text>
            ))}
          </View>
        </View>
        <View className='cert-row'>
          <Text className='cert-label'>证明日期</Text>
          <Text className='cert-value'>{chinaToday(at)}</Text>
        </View>
      </View>

      <View className='cert-source'>
        <Icon className='cert-source-icon' src={shieldIcon} />
        <View className='cert-source-text'>
          <Text className='cert-source-title'>由信用通生成</Text>
          <Text className='cert-source-time'>生成时间 {formatDateTime(at.toISOString())}</Text>
        </View>
      </View>

      <Text className='cert-note'>
        本证明由“信用通”根据城市公共信用信息服务平台的实时数据生成，仅证明生成时的资格状态，不是盖章文书。守信红名单主体或近 {GREEN_CHANNEL_CLEAN_YEARS}{' '}
        年无失信记录者可享受绿色通道和容缺受理便利；办事窗口请以“出示核验码”当面查验（截图无效）。
      </Text>
    </View>
  )
}

const gate = { realName: true } as const

export default function CertificatePage() {
  const { scope, user, enterprise } = useGate(gate)
  const [at, setAt] = useState(() => new Date())
  const remote = useQuery(scope && `certificate|${scope}`, async () => {
    const catalog = await fetchCatalog()
    setAt(new Date())
    return catalog
  }, { topics: ['credit'] })
  const holder = enterprise?.name ?? user?.name ?? '—'

  return (
    <PageShell name='certificate' gate={gate} what='查看资格证明' query={remote} skeleton={{ cards: 1, lines: 6, label: '正在生成证明' }} errorTitle='证明暂时无法生成'>
      {(catalog) =>
        catalog.greenChannel.eligible ? (
          <>
            <Certificate catalog={catalog} holder={holder} at={at} />
            <ActionButton className='cert-pass' onClick={() => openPage(passUrl('green-channel'))}>
              出示核验码
            </ActionButton>
          </>
        ) : (
          <StateView
            icon={shieldIcon}
            title='暂不符合绿色通道条件'
            description={`${catalog.greenChannel.reasons.join('；')}。列入守信红名单，或近 ${GREEN_CHANNEL_CLEAN_YEARS} 年无失信记录，即可享受绿色通道和容缺受理。`}
          />
        )
      }
    </PageShell>
  )
}
