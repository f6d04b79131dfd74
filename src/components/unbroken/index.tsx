// Text that wraps between words but never inside a number, date or amount (see split.ts).
import { Text } from '@tarojs/components'
import { splitUnbreakable } from './split'

export default function Unbroken({ text, className }: { text: string; className?: string }) {
  return (
    <Text className={className}>
      {splitUnbreakable(text).map((p, n) =>
        p.keep ? (
          <Text key={n} className='nowrap'>
            {p.text}
          </Text>
        ) : (
          p.text
        ),
      )}
    </Text>
  )
}
