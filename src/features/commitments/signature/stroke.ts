// Pen strokes on the signature pad, independent of platform: which segments to draw and how much
// ink there is. A stray tap or a tiny scratch is not a signature.
export interface Point {
  x: number
  y: number
}

/** Pen travel (in CSS px) below which the pad does not count as signed. */
export const MIN_INK_LENGTH = 40

/** Moves shorter than this (CSS px) are merged into the next one. */
const MIN_STEP = 0.75

export class StrokeTracker {
  /** total pen travel since the last clear */
  length = 0
  private last: Point | null = null

  get drawing(): boolean {
    return this.last !== null
  }

  start(p: Point): void {
    this.last = p
  }

  /** The segment to draw for this move, or null when the pen is up or has barely moved. */
  move(p: Point): [Point, Point] | null {
    const from = this.last
    if (!from) return null
    const step = Math.hypot(p.x - from.x, p.y - from.y)
    if (step < MIN_STEP) return null
    this.last = p
    this.length += step
    return [from, p]
  }

  end(): void {
    this.last = null
  }

  clear(): void {
    this.last = null
    this.length = 0
  }

  get hasInk(): boolean {
    return this.length >= MIN_INK_LENGTH
  }
}

export const INK_COLOR = '#1f2329'
export const INK_WIDTH = 3

/** Same look on both targets: round pen, dark ink. */
export function styleInk(ctx: { lineWidth: number; lineCap: string; lineJoin: string; strokeStyle: unknown }): void {
  ctx.lineWidth = INK_WIDTH
  ctx.lineCap = 'round'
  ctx.lineJoin = 'round'
  ctx.strokeStyle = INK_COLOR
}

export function drawSegment(ctx: { beginPath(): void; moveTo(x: number, y: number): void; lineTo(x: number, y: number): void; stroke(): void }, [a, b]: [Point, Point]): void {
  ctx.beginPath()
  ctx.moveTo(a.x, a.y)
  ctx.lineTo(b.x, b.y)
  ctx.stroke()
}

/** Export resolution cap: sharp enough to read, small enough to stay far below the size limit. */
export const MAX_EXPORT_PIXEL_RATIO = 2

export interface SignatureSurfaceHandle {
  clear(): void
  /** the drawing as data:image/png;base64,… */
  exportPng(): Promise<string>
}

export interface SignatureSurfaceProps {
  id: string
  className?: string
  label: string
  /** the pen went down */
  onStrokeStart?(): void
  /** the pen went up; `hasInk` says whether the pad now counts as signed */
  onStrokeEnd(hasInk: boolean): void
}
