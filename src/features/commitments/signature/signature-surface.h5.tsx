// The signature surface on H5: a plain <canvas> drawn with the mouse or a finger. Listeners are
// native so a finger's move can preventDefault (no page scroll while signing); the mouse is
// followed on the window so a stroke that leaves the pad still ends.
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react'
import { MAX_EXPORT_PIXEL_RATIO, StrokeTracker, drawSegment, styleInk, type Point, type SignatureSurfaceHandle, type SignatureSurfaceProps } from './stroke'

const SignatureSurface = forwardRef<SignatureSurfaceHandle, SignatureSurfaceProps>(function SignatureSurface(props, ref) {
  const canvasRef = useRef<HTMLCanvasElement>(null)
  const tracker = useRef(new StrokeTracker())
  const callbacks = useRef(props)
  callbacks.current = props

  useEffect(() => {
    const canvas = canvasRef.current
    const ctx = canvas?.getContext('2d')
    if (!canvas || !ctx) return
    const ratio = Math.min(window.devicePixelRatio || 1, MAX_EXPORT_PIXEL_RATIO)
    // Sized to the element; again at the first stroke if the layout changed since (nothing drawn yet).
    const fit = () => {
      const width = Math.round(canvas.clientWidth * ratio)
      const height = Math.round(canvas.clientHeight * ratio)
      if (canvas.width === width && canvas.height === height) return
      canvas.width = width
      canvas.height = height
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0)
      styleInk(ctx)
    }
    fit()

    const at = (clientX: number, clientY: number): Point => {
      const r = canvas.getBoundingClientRect()
      return { x: clientX - r.left, y: clientY - r.top }
    }
    const start = (p: Point) => {
      if (tracker.current.length === 0) fit()
      tracker.current.start(p)
      callbacks.current.onStrokeStart?.()
    }
    const move = (p: Point) => {
      const segment = tracker.current.move(p)
      if (segment) drawSegment(ctx, segment)
    }
    const end = () => {
      if (!tracker.current.drawing) return
      tracker.current.end()
      callbacks.current.onStrokeEnd(tracker.current.hasInk)
    }

    const onMouseDown = (e: MouseEvent) => {
      if (e.button !== 0) return
      e.preventDefault()
      start(at(e.clientX, e.clientY))
    }
    const onMouseMove = (e: MouseEvent) => {
      if (tracker.current.drawing) move(at(e.clientX, e.clientY))
    }
    const onTouchStart = (e: TouchEvent) => {
      const t = e.touches[0]
      if (!t) return
      e.preventDefault()
      start(at(t.clientX, t.clientY))
    }
    const onTouchMove = (e: TouchEvent) => {
      const t = e.touches[0]
      if (!t) return
      e.preventDefault()
      move(at(t.clientX, t.clientY))
    }

    canvas.addEventListener('mousedown', onMouseDown)
    window.addEventListener('mousemove', onMouseMove)
    window.addEventListener('mouseup', end)
    canvas.addEventListener('touchstart', onTouchStart, { passive: false })
    canvas.addEventListener('touchmove', onTouchMove, { passive: false })
    canvas.addEventListener('touchend', end)
    canvas.addEventListener('touchcancel', end)
    return () => {
      canvas.removeEventListener('mousedown', onMouseDown)
      window.removeEventListener('mousemove', onMouseMove)
      window.removeEventListener('mouseup', end)
      canvas.removeEventListener('touchstart', onTouchStart)
      canvas.removeEventListener('touchmove', onTouchMove)
      canvas.removeEventListener('touchend', end)
      canvas.removeEventListener('touchcancel', end)
    }
  }, [])

  useImperativeHandle(ref, () => ({
    clear() {
      tracker.current.clear()
      const canvas = canvasRef.current
      canvas?.getContext('2d')?.clearRect(0, 0, canvas.width, canvas.height)
    },
    async exportPng() {
      const canvas = canvasRef.current
      if (!canvas) throw new Error('signature canvas not ready')
      return canvas.toDataURL('image/png')
    },
  }))

  return <canvas id={props.id} ref={canvasRef} className={props.className} role='img' aria-label={props.label} />
})

export default SignatureSurface
