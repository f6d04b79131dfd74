import Taro from '@tarojs/taro'
import { useLastSeenStore } from './last-seen'

const observe = (key: string, score: number, positive = 0, negative = 0) => useLastSeenStore.getState().observe(key, { score, positive, negative })
const change = (key: string) => useLastSeenStore.getState().changes[key]

describe('what changed since the last visit', () => {
  it('on the first visit, then nothing is compared, only remembered', () => {
    observe('person-li', 570, 1, 1)
    expect(change('person-li')).toBeUndefined()
    expect(useLastSeenStore.getState().seen['person-li']).toEqual({ score: 570, positive: 1, negative: 1 })
  })

  it('when the score fell and an entry was added, then both are reported', () => {
    observe('person-li', 600, 1, 0)
    observe('person-li', 550, 1, 1)
    expect(change('person-li')).toEqual({ score: -50, records: 1 })
  })

  it('when the page is shown again in the same launch with nothing new, then the change found earlier stays', () => {
    observe('person-li', 600, 1, 0)
    observe('person-li', 620, 2, 0)
    observe('person-li', 620, 2, 0)
    expect(change('person-li')).toEqual({ score: 20, records: 1 })
  })

  it('keeps each subject apart', () => {
    observe('person-wu', 600)
    observe('ent-yunqi', 660, 2)
    observe('person-wu', 600)
    expect(change('person-wu')).toEqual({ score: 0, records: 0 })
    expect(change('ent-yunqi')).toBeUndefined()
  })

  it('persists numbers only, never the changes of this launch', () => {
    observe('person-li', 600, 1, 0)
    observe('person-li', 570, 1, 1)
    expect(JSON.parse(String(Taro.getStorageSync('creditpass-last-seen'))).state).toEqual({ seen: { 'person-li': { score: 570, positive: 1, negative: 1 } } })
  })
})
