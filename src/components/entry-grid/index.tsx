// A grid of service entry points: icon + name; entries not open yet are dimmed and say 即将开放.
import { Text, View } from '@tarojs/components'
import Icon from '../icon'
import { openPage } from '../../platform/navigation'
import { toast } from '../../platform/feedback'
import { isOpen, type ServiceEntry } from '../../features/catalog/entries'
import './index.scss'

export default function EntryGrid({ entries }: { entries: ServiceEntry[] }) {
  const onTap = (entry: ServiceEntry) => {
    if (entry.url) openPage(entry.url)
    else toast(`${entry.title}即将开放，敬请期待`)
  }
  return (
    <View className='entry-grid'>
      {entries.map((entry) => {
        const open = isOpen(entry)
        return (
          <View
            key={entry.id}
            className={`entry ${open ? '' : 'entry-soon'}`}
            role='button'
            aria-disabled={!open}
            aria-label={open ? entry.title : `${entry.title}，即将开放`}
            onClick={() => onTap(entry)}
          >
            <View className='entry-icon'>
              <Icon className='entry-icon-img' src={entry.icon} />
            </View>
            <Text className='entry-title'>{entry.title}</Text>
            {!open && <Text className='entry-soon-label'>即将开放</Text>}
          </View>
        )
      })}
    </View>
  )
}
