// A QR code drawn with Views only (rows of dark and light bars), so it renders the same in the
// mini-program and on H5 with no canvas and no DOM API. A quiet zone of 4 modules surrounds it.
// Used by the voucher and the commitment receipt; the QR library has its own H5 chunk (config/index.ts),
// so it is fetched only by the pages that draw a code.
import { View } from '@tarojs/components'
import { useMemo } from 'react'
import { qrMatrix, rowRuns } from './qr-matrix'
import './index.scss'

const QUIET = 4

export default function QrCode({ value, label, dimmed, className }: { value: string; label: string; dimmed?: boolean; className?: string }) {
  const rows = useMemo(() => qrMatrix(value).map(rowRuns), [value])
  const size = rows.length + 2 * QUIET
  const pct = (modules: number) => `${(modules / size) * 100}%`
  return (
    <View className={`qr ${dimmed ? 'qr-dimmed' : ''} ${className ?? ''}`} role='img' aria-label={label} data-modules={rows.length}>
      <View className='qr-inner' style={{ padding: pct(QUIET) }}>
        {rows.map((runs, r) => (
          <View key={r} className='qr-row' style={{ height: `${100 / rows.length}%` }}>
            {runs.map((run, i) => (
              <View key={i} className={run.dark ? 'qr-dark' : 'qr-light'} style={{ width: `${(run.length / rows.length) * 100}%` }} />
            ))}
          </View>
        ))}
      </View>
    </View>
  )
}
