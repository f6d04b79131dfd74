// The home page's credit card: the score on its dial, the level in words and colour, red-list
// badges or the 严重失信 warning, entry counts by polarity, and what changed since the last visit.
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import ScoreDial from '../score-dial'
import { openPage, routes, withQuery } from '../../../../platform/navigation'
import type { CreditOverview } from '../../../../services/types'
import type { Change } from '../../../../stores/last-seen'
import { formatPoints } from '../../format'
import medalIcon from '../../../../assets/icons/medal.svg'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

function ChangeLine({ change }: { change: Change }) {
  const parts: { text: string; tone: string }[] = []
  if (change.score !== 0) parts.push({ text: `较上次 ${formatPoints(change.score)} 分`, tone: change.score > 0 ? 'up' : 'down' })
  else parts.push({ text: '信用分较上次无变化', tone: 'same' })
  if (change.records > 0) parts.push({ text: `新增 ${change.records} 条记录`, tone: 'new' })
  return (
    <View className='summary-change' aria-label={`自上次查看以来：${parts.map((p) => p.text).join('，')}`}>
      {parts.map((p) => (
        <Text key={p.text} className={`summary-change-item summary-change-${p.tone}`}>
          {p.text}
        </Text>
      ))}
    </View>
  )
}

const TILE_LABELS = ['正面记录', '负面记录', '公示中']

/**
 * Stands in for the card while the overview loads, with the same frame (title, dial, date, count
 * tiles), so the cards below do not jump when the score arrives.
 */
export function CreditSummarySkeleton({ enterprise }: { enterprise?: boolean }) {
  return (
    <View className='card summary summary-loading' role='status' aria-busy='true' aria-label='正在加载信用信息'>
      <View className='summary-head' aria-hidden='true'>
        <Text className='section-title summary-title'>{enterprise ? '企业信用分' : '我的信用分'}</Text>
        <Text className='summary-link summary-placeholder-hidden'>评分说明 ›</Text>
      </View>
      <View className='summary-dial' aria-hidden='true'>
        <View className='dial'>
          <View className='dial-ring' />
          <View className='dial-face'>
            <View className='skeleton-line summary-placeholder-score' />
          </View>
        </View>
      </View>
      <View className='summary-asof' aria-hidden='true'>
        <View className='skeleton-line summary-placeholder-asof' />
      </View>
      <View className='summary-tiles' aria-hidden='true'>
        {TILE_LABELS.map((label) => (
          <View key={label} className='summary-tile'>
            <Text className='summary-tile-value summary-placeholder-hidden'>0</Text>
            <Text className='summary-tile-label'>{label}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}

export default function CreditSummary({ overview, change }: { overview: CreditOverview; change: Change | null }) {
  const { score, level, asOf, counts, redList, blackList } = overview
  const total = counts.positive + counts.negative
  const tiles = [
    { label: TILE_LABELS[0], value: counts.positive, url: withQuery(routes.records, { polarity: 'positive' }) },
    { label: TILE_LABELS[1], value: counts.negative, url: withQuery(routes.records, { polarity: 'negative' }) },
    { label: TILE_LABELS[2], value: counts.inPublicity, url: withQuery(routes.records, { status: '公示中' }) },
  ]
  return (
    <View className='card summary'>
      <View className='summary-head'>
        <Text className='section-title summary-title'>{overview.subject.kind === 'enterprise' ? '企业信用分' : '我的信用分'}</Text>
        <View className='summary-link' role='link' onClick={() => openPage(routes.score)}>
          评分说明 ›
        </View>
      </View>

      <View className='summary-dial' onClick={() => openPage(routes.score)}>
        <ScoreDial score={score} level={level} caption='信用分' />
      </View>
      <Text className='summary-asof'>评估日期 {asOf}</Text>
      {change && <ChangeLine change={change} />}

      {blackList.length > 0 && (
        <View className='summary-black' role='alert'>
          <Icon className='summary-black-icon' src={warningIcon} />
          <View className='summary-black-text'>
            <Text className='summary-black-title'>已列入严重失信主体名单</Text>
            <Text className='summary-black-desc'>{blackList.join('、')}：依法不能享受守信激励。履行义务后可申请移出名单。</Text>
          </View>
        </View>
      )}
      {redList.length > 0 && (
        <View className='summary-badges'>
          {redList.map((name) => (
            <View key={name} className='summary-badge'>
              <Icon className='summary-badge-icon' src={medalIcon} />
              <Text className='summary-badge-text'>红名单 · {name}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='summary-tiles'>
        {tiles.map((t) => (
          <View key={t.label} className='summary-tile' role='link' onClick={() => openPage(t.url)}>
            <Text className='summary-tile-value'>{t.value}</Text>
            <Text className='summary-tile-label'>{t.label}</Text>
          </View>
        ))}
      </View>
      {total === 0 && <Text className='summary-empty'>暂无信用记录，保持良好信用！</Text>}
    </View>
  )
}
