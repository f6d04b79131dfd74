// A grid of service entry points: icon + name. Only services that exist are shown; each one
// appears here as it lands (features/catalog/entries gives it a page).
import { Text, View } from '@tarojs/components'
import Icon from '../../../../components/icon'
import { openPage } from '../../../../platform/navigation'
import { isOpen, type ServiceEntry } from '../../entries'
import './index.scss'

export default function EntryGrid({ entries }: { entries: ServiceEntry[] }) {
  return (
    <View className='entry-grid'>
      {entries.filter(isOpen).map((entry) => (
        <View key={entry.id} className='entry' role='button' onClick={() => entry.url && openPage(entry.url)}>
          <View className='entry-icon'>
            <Icon className='entry-icon-img' src={entry.icon} />
          </View>
          <Text className='entry-title'>{entry.title}</Text>
        </View>
      ))}
    </View>
  )
}
