// Whether a scroll box's content fits without scrolling (then it is read to its end as soon as it
// is shown). A selector query works the same in the mini-program and on H5.
import Taro from '@tarojs/taro'

type Rect = { height: number } | null

export function contentFits(boxSelector: string, contentSelector: string): Promise<boolean> {
  return new Promise((resolve) => {
    try {
      const query = Taro.createSelectorQuery()
      query.select(boxSelector).boundingClientRect()
      query.select(contentSelector).boundingClientRect()
      query.exec((res: Rect[]) => {
        const [box, content] = res ?? []
        resolve(Boolean(box && content && box.height > 0 && content.height <= box.height + 2))
      })
    } catch {
      resolve(false)
    }
  })
}
