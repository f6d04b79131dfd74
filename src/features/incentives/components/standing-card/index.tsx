// The top of 守信激励: the level, red-list badges or the 严重失信 warning, and 绿色通道 / 容缺受理
// with the way to its certificate. Everything here comes from the server's answer.
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import { openPage } from '../../../../platform/navigation'
import type { Catalog } from '../../../../services/incentives-api'
import { incentiveRoutes } from '../../routes'
import medalIcon from '../../../../assets/icons/medal.svg'
import shieldIcon from '../../../../assets/icons/shield.svg'
import warningIcon from '../../../../assets/icons/warning.svg'
import './index.scss'

export default function StandingCard({ catalog }: { catalog: Catalog }) {
  const { standing, greenChannel } = catalog
  const blacklisted = standing.blackList.length > 0
  // The badge is the server's count under the very rules each item below is checked against.
  const badge = standing.incentives
  const open = badge.count > 0
  return (
    <View className='card standing'>
      <View className='standing-head'>
        <View className='standing-level'>
          <Text className='standing-caption'>我的信用等级</Text>
          <View className='standing-level-row'>
            <Text className='standing-level-name'>{standing.level}</Text>
            <Text className='standing-score'>{standing.score} 分</Text>
          </View>
        </View>
        <Text className={`tag ${blacklisted ? 'tag-warn' : open ? 'tag-ok' : 'tag-muted'}`} data-badge>
          {badge.label}
        </Text>
      </View>
      {!blacklisted && badge.reason && <Text className='standing-reason'>{badge.reason}</Text>}

      {blacklisted && (
        <View className='standing-black' role='alert'>
          <Icon className='standing-black-icon' src={warningIcon} />
          <View className='standing-black-text'>
            <Text className='standing-black-title'>已列入严重失信主体名单</Text>
            <Text className='standing-black-desc'>{standing.blackList.join('、')}：依法不能享受守信激励。履行义务后可申请移出名单。</Text>
          </View>
        </View>
      )}

      {standing.redList.length > 0 && (
        <View className='standing-badges' aria-label={`守信红名单：${standing.redList.join('、')}`}>
          {standing.redList.map((name) => (
            <View key={name} className='standing-badge'>
              <Icon className='standing-badge-icon' src={medalIcon} />
              <Text className='standing-badge-text'>红名单 · {name}</Text>
            </View>
          ))}
        </View>
      )}

      <View className='standing-green'>
        <View className='standing-green-icon'>
          <Icon className='standing-green-img' src={shieldIcon} />
        </View>
        <View className='standing-green-text'>
          <View className='standing-green-title-row'>
            <Text className='standing-green-title'>绿色通道 / 容缺受理</Text>
            <Text className={`tag ${greenChannel.eligible ? 'tag-ok' : 'tag-muted'}`}>{greenChannel.eligible ? '可享受' : '暂不符合'}</Text>
          </View>
          <Text className='standing-green-reason'>{greenChannel.reasons.join('；')}</Text>
        </View>
      </View>
      {greenChannel.eligible && (
        <View className='standing-cert' role='link' onClick={() => openPage(incentiveRoutes.certificate)}>
          <Text>查看证明</Text>
          <Text className='standing-cert-chevron'>›</Text>
        </View>
      )}
    </View>
  )
}
