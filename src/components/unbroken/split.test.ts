import { splitUnbreakable } from './split'

const kept = (text: string) => splitUnbreakable(text).filter((p) => p.keep).map((p) => p.text)

describe('text that must not break inside a number', () => {
  it('keeps dates, counts with their unit and signed points whole', () => {
    expect(kept('因“志愿服务时长累计 320 小时”加 20 分，公示期到 2029 年 10 月 1 日')).toEqual(['320 小时', '20 分', '2029 年', '10 月', '1 日'])
    expect(kept('+20（公示至 2029-10-01）')).toEqual(['+20', '2029-10-01'])
    expect(kept('计入信用评分 +60 分')).toEqual(['+60 分'])
    expect(kept('2026-11-30 09:41 由 3 个部门')).toEqual(['2026-11-30', '09:41', '3'])
  })

  it('gives back the whole text, in order', () => {
    const text = '杭志指〔2026〕3号（公示至 2029-05-14）'
    expect(splitUnbreakable(text).map((p) => p.text).join('')).toBe(text)
    expect(kept(text)).toEqual(['2026', '3号', '2029-05-14'])
  })

  it('leaves text without numbers as one piece', () => {
    expect(splitUnbreakable('已列入守信红名单')).toEqual([{ text: '已列入守信红名单', keep: false }])
  })
})
