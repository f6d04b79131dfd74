// A QR code drawn with Views (one per dark rectangle): the same output in the mini-program and on
// H5, with no canvas or DOM API. Sized by its class; modules are percentages of that size.
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix } from '../../../../features/commitments/qr'
import './index.scss'

/** Each rectangle reaches this far (in modules) into its neighbours, so no hairline seams show. */
const OVERLAP = 0.06

const pct = (n: number, size: number) => `${((n / size) * 100).toFixed(3)}%`

export default function QrCode({ value, label, className }: { value: string; label: string; className?: string }) {
  const matrix = useMemo(() => qrMatrix(value), [value])
  const { size } = matrix
  return (
    <View className={`qr ${className ?? ''}`} role='img' aria-label={label}>
      <View className='qr-modules'>
        {matrix.rects.map((r) => (
          <View
            key={`${r.row}-${r.col}`}
            className='qr-dark'
            style={{
              left: pct(r.col, size),
              top: pct(r.row, size),
              width: pct(r.width + OVERLAP, size),
              height: pct(r.height + OVERLAP, size),
            }}
          />
        ))}
      </View>
    </View>
  )
}
