// The signature surface in the mini-program: a Canvas 2D node found with a selector query, drawn
// with touch events (canvas touches carry x/y relative to the canvas), exported as a PNG data URL.
// H5 uses signature-surface.h5.tsx; both export the same component.
import { Canvas, type CanvasTouchEvent } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { MAX_EXPORT_PIXEL_RATIO, StrokeTracker, drawSegment, styleInk, type Point, type SignatureSurfaceHandle, type SignatureSurfaceProps } from './stroke'

interface CanvasNode {
  width: number
  height: number
  getContext(kind: '2d'): CanvasRenderingContext2D
  toDataURL?(type?: string): string
}

interface Surface {
  canvas: CanvasNode
  ctx: CanvasRenderingContext2D
  left: number
  top: number
  width: number
  height: number
}

const FIND_TRIES = 20
const FIND_INTERVAL_MS = 50

function pixelRatio(): number {
  try {
    const info = typeof Taro.getWindowInfo === 'function' ? Taro.getWindowInfo() : Taro.getSystemInfoSync()
    return Math.min(info.pixelRatio || 1, MAX_EXPORT_PIXEL_RATIO)
  } catch {
    return 1
  }
}

function readBase64(filePath: string): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.getFileSystemManager().readFile({
      filePath,
      encoding: 'base64',
      success: (res) => resolve(String(res.data)),
      fail: reject,
    })
  })
}

const SignatureSurface = forwardRef<SignatureSurfaceHandle, SignatureSurfaceProps>(function SignatureSurface(props, ref) {
  const surface = useRef<Surface | null>(null)
  const tracker = useRef(new StrokeTracker())
  const callbacks = useRef(props)
  callbacks.current = props

  useEffect(() => {
    let cancelled = false
    let tries = 0
    // The node exists only once the page has rendered it: ask again for a short while.
    const find = () => {
      Taro.createSelectorQuery()
        .select(`#${props.id}`)
        .fields({ node: true, size: true, rect: true })
        .exec((res: Array<{ node?: CanvasNode; width: number; height: number; left: number; top: number } | null>) => {
          if (cancelled) return
          const found = res?.[0]
          if (!found?.node) {
            if (++tries < FIND_TRIES) setTimeout(find, FIND_INTERVAL_MS)
            return
          }
          const ratio = pixelRatio()
          const canvas = found.node
          canvas.width = Math.round(found.width * ratio)
          canvas.height = Math.round(found.height * ratio)
          const ctx = canvas.getContext('2d')
          ctx.scale(ratio, ratio)
          styleInk(ctx)
          surface.current = { canvas, ctx, left: found.left, top: found.top, width: found.width, height: found.height }
        })
    }
    Taro.nextTick(find)
    return () => {
      cancelled = true
    }
  }, [props.id])

  useImperativeHandle(ref, () => ({
    clear() {
      tracker.current.clear()
      const s = surface.current
      if (s) s.ctx.clearRect(0, 0, s.width, s.height)
    },
    async exportPng() {
      const s = surface.current
      if (!s) throw new Error('signature canvas not ready')
      const url = typeof s.canvas.toDataURL === 'function' ? s.canvas.toDataURL('image/png') : ''
      if (url.startsWith('data:image/png;base64,')) return url
      const { tempFilePath } = await Taro.canvasToTempFilePath({ canvas: s.canvas as never, fileType: 'png' })
      return `data:image/png;base64,${await readBase64(tempFilePath)}`
    },
  }))

  const pointOf = (e: CanvasTouchEvent): Point | null => {
    const t = (e.touches?.[0] ?? e.changedTouches?.[0]) as { x?: number; y?: number; clientX?: number; clientY?: number } | undefined
    if (!t) return null
    if (typeof t.x === 'number' && typeof t.y === 'number') return { x: t.x, y: t.y }
    const s = surface.current
    return s && typeof t.clientX === 'number' && typeof t.clientY === 'number' ? { x: t.clientX - s.left, y: t.clientY - s.top } : null
  }

  return (
    <Canvas
      type='2d'
      id={props.id}
      canvasId={props.id}
      className={props.className}
      disableScroll
      aria-label={props.label}
      onTouchStart={(e) => {
        const p = pointOf(e)
        if (!p || !surface.current) return
        tracker.current.start(p)
        callbacks.current.onStrokeStart?.()
      }}
      onTouchMove={(e) => {
        const p = pointOf(e)
        const s = surface.current
        if (!p || !s) return
        const segment = tracker.current.move(p)
        if (segment) drawSegment(s.ctx, segment)
      }}
      onTouchEnd={() => {
        if (!tracker.current.drawing) return
        tracker.current.end()
        callbacks.current.onStrokeEnd(tracker.current.hasInk)
      }}
      onTouchCancel={() => {
        if (!tracker.current.drawing) return
        tracker.current.end()
        callbacks.current.onStrokeEnd(tracker.current.hasInk)
      }}
    />
  )
})

export default SignatureSurface
