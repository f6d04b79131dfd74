// Per-page figures of the mini-program as WeChat renders it (test/weapp/measure-pages.js): node
// count, depth, widest node and largest setData of every page, and the 200-entry record list and
// message centre scrolled to their ends — beside the package sizes in `npm run bench -- sizes` or alone with `-- weapp`.
import { createRequire } from 'node:module'

export interface WeappPageFigures {
  route: string
  nodes: number
  depth: number
  children: number
  setDataCalls: number
  largestSetData: number
}

/** A long list (record list, message centre) scrolled through all its entries. */
export interface WeappListFigures {
  entries: number
  setDataCalls: number
  largestSetData: number
  peakRatePerSecond: number
  at: { entry: number; nodes: number; depth: number; children: number }[]
}

export interface WeappRenderFigures {
  pages: WeappPageFigures[]
  records: WeappListFigures | null
  messages: WeappListFigures | null
  errors: string[]
}

/** WeChat's audit limits and the setData bars of DESIGN / the weapp tests. */
export const WEAPP_RENDER_BARS = { nodes: 1000, depth: 30, children: 60, setDataBytes: 256 * 1024, setDataAimBytes: 64 * 1024, setDataPerSecond: 20 }

const load = createRequire(__filename)

export async function weappRenderFigures(distDir: string): Promise<WeappRenderFigures> {
  const { measureWeappPages } = load('../weapp/measure-pages.js') as { measureWeappPages(dir: string): Promise<WeappRenderFigures> }
  return measureWeappPages(distDir)
}

/** What is over a bar, in words. */
export function weappRenderFailures(f: WeappRenderFigures): string[] {
  const out: string[] = []
  const b = WEAPP_RENDER_BARS
  const check = (what: string, m: { nodes: number; depth: number; children: number }) => {
    if (m.nodes >= b.nodes) out.push(`${what}: ${m.nodes} nodes (< ${b.nodes})`)
    if (m.depth >= b.depth) out.push(`${what}: depth ${m.depth} (< ${b.depth})`)
    if (m.children > b.children) out.push(`${what}: ${m.children} children in one node (≤ ${b.children})`)
  }
  for (const p of f.pages) {
    check(p.route, p)
    if (p.largestSetData >= b.setDataBytes) out.push(`${p.route}: setData of ${p.largestSetData} bytes`)
  }
  for (const [what, l] of [['record list', f.records], ['message centre', f.messages]] as const) {
    if (!l) continue
    for (const a of l.at) check(`${what} with ${l.entries} entries at entry ${a.entry}`, a)
    if (l.largestSetData >= b.setDataBytes) out.push(`${what}: setData of ${l.largestSetData} bytes`)
    if (l.peakRatePerSecond > b.setDataPerSecond) out.push(`${what}: ${l.peakRatePerSecond} setData per second`)
  }
  for (const e of f.errors) out.push(`weapp page error: ${e.slice(0, 200)}`)
  return out
}
