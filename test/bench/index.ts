// `npm run bench`: build-output sizes against the quality bars, API throughput/latency, and
// Lighthouse on the H5 home page. Prints tables and writes the figures to bench-results.json.
//
//   npm run bench                  everything (builds dist/weapp and dist/h5 first if they are missing)
//   npm run bench -- sizes         only the weapp/H5 sizes (with the weapp page figures below)
//   npm run bench -- weapp         only the weapp: package sizes and, per page as WeChat renders it, node count,
//                                  depth, widest node and largest setData; the 200-entry record list scrolled
//   npm run bench -- api           only the API benchmarks
//   npm run bench -- records       only the records-paging API bench (the figures compared across engine changes)
//   npm run bench -- lighthouse    only Lighthouse (full reports in test-results/lighthouse/)
// Environment: BENCH_DURATION (seconds per API run, default 10), BENCH_TIMEOUT (whole run, seconds, default 1200),
// LIGHTHOUSE_RUNS (Lighthouse runs per view, reported by the median run, default 3).
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { apiBenches, runApiBench, startApi, type ApiResult } from './api'
import { h5FirstView, type H5FirstView } from './h5-load'
import { CHROMIUM, LIGHTHOUSE_BARS, lighthouseHome, type LighthouseResults } from './lighthouse'
import { runRecordsBench } from './records'
import { runVerifyBench } from './verify'
import { ROOT, ensureBuilt } from './build'
import { KB, h5Sizes, weappSizes, type H5Sizes, type WeappSizes } from './sizes'
import { WEAPP_RENDER_BARS, weappRenderFailures, weappRenderFigures, type WeappRenderFigures } from './weapp-pages'

interface Results {
  date: string
  node: string
  cpus: number
  cpuModel: string
  weapp?: WeappSizes
  weappPages?: WeappRenderFigures
  h5?: H5Sizes
  h5FirstView?: H5FirstView | null
  api?: { db: string; durationS: number; results: ApiResult[]; recordsPageRatio?: number }
  lighthouse?: LighthouseResults | null
  failures: string[]
}

const kb = (bytes: number) => `${(bytes / KB).toFixed(1)} KB`
const pad = (s: string | number, n: number) => String(s).padEnd(n)
const lpad = (s: string | number, n: number) => String(s).padStart(n)

function table(rows: (string | number)[][], rightAligned: number[] = []) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)))
  for (const [n, row] of rows.entries()) {
    console.log('  ' + row.map((c, i) => (rightAligned.includes(i) ? lpad(c, widths[i]) : pad(c, widths[i]))).join('  ').trimEnd())
    if (n === 0) console.log('  ' + widths.map((w) => '-'.repeat(w)).join('  '))
  }
}

async function main() {
  const which = process.argv.slice(2)
  const want = (part: string) => which.length === 0 || which.includes(part)
  const durationS = Number(process.env.BENCH_DURATION || 10)
  const limitS = Number(process.env.BENCH_TIMEOUT || 1200)
  setTimeout(() => {
    console.error(`bench: stopped after the time limit of ${limitS} s`)
    process.exit(1)
  }, limitS * 1000).unref()

  const results: Results = {
    date: new Date().toISOString(),
    node: process.version,
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? '',
    failures: [],
  }
  console.log(`信用通 bench — ${results.date}, Node ${results.node}, ${results.cpus} CPU(s)\n`)

  if (want('sizes') || which.includes('weapp')) {
    const weappDir = path.join(ROOT, 'dist', 'weapp')
    await ensureBuilt('build:weapp', path.join(weappDir, 'app.json'))
    const w = weappSizes(weappDir)
    results.weapp = w
    console.log('Weapp packages (dist/weapp)')
    table(
      [
        ['package', 'pages', 'size', 'bar', ''],
        ['main package', '', kb(w.mainBytes), `≤ ${kb(w.mainLimitBytes)}`, w.pass ? 'PASS' : 'FAIL'],
        ...w.subpackages.map((s) => [`subpackage ${s.root}`, s.pages, kb(s.bytes), '', '']),
        ['total', '', kb(w.totalBytes), '', ''],
      ],
      [1, 2],
    )
    console.log(`  largest main-package files: ${w.largestMainFiles.map((f) => `${f.file} ${kb(f.bytes)}`).join(', ')}\n`)
    if (!w.pass) results.failures.push(`weapp main package ${kb(w.mainBytes)} > ${kb(w.mainLimitBytes)}`)

    const figures = await weappRenderFigures(weappDir)
    results.weappPages = figures
    const bars = WEAPP_RENDER_BARS
    console.log(`Weapp pages as WeChat renders them (wcc templates, demo-like data; audit: < ${bars.nodes} nodes, depth < ${bars.depth}, ≤ ${bars.children} children; setData < ${kb(bars.setDataBytes)})`)
    table(
      [
        ['page', 'nodes', 'depth', 'max children', 'setData calls', 'largest setData'],
        ...figures.pages.map((p) => [p.route, p.nodes, p.depth, p.children, p.setDataCalls, kb(p.largestSetData)]),
        ...(figures.records?.at ?? []).map((a) => [`records, ${figures.records?.entries} entries, at entry ${a.entry}`, a.nodes, a.depth, a.children, '', '']),
        ...(figures.messages?.at ?? []).map((a) => [`messages, ${figures.messages?.entries} entries, at entry ${a.entry}`, a.nodes, a.depth, a.children, '', '']),
      ],
      [1, 2, 3, 4, 5],
    )
    if (figures.records) {
      const r = figures.records
      console.log(`  record list scrolled to ${r.entries} entries: ${r.setDataCalls} setData, largest ${kb(r.largestSetData)}, at most ${r.peakRatePerSecond} per second (bar ≤ ${bars.setDataPerSecond})`)
    }
    if (figures.messages) {
      const m = figures.messages
      console.log(`  message centre scrolled to ${m.entries} messages: ${m.setDataCalls} setData, largest ${kb(m.largestSetData)}, at most ${m.peakRatePerSecond} per second (bar ≤ ${bars.setDataPerSecond})`)
    }
    console.log('')
    results.failures.push(...weappRenderFailures(figures))
  }

  if (want('sizes')) {
    const h5Dir = path.join(ROOT, 'dist', 'h5')
    await ensureBuilt('build:h5', path.join(h5Dir, 'index.html'))
    const h = h5Sizes(h5Dir)
    results.h5 = h
    console.log('H5 first-load JavaScript (scripts of dist/h5/index.html, gzip -6)')
    table(
      [
        ['script', 'raw', 'gzip'],
        ...h.scripts.map((s) => [s.file, kb(s.bytes), kb(s.gzipBytes)]),
        ['total JS', kb(h.jsBytes), kb(h.jsGzipBytes)],
        ['first-load CSS', kb(h.styles.reduce((s, a) => s + a.bytes, 0)), kb(h.cssGzipBytes)],
      ],
      [1, 2],
    )
    if (h.external.length) console.log(`  not counted (other origin): ${h.external.join(', ')}`)
    const view = await h5FirstView(h5Dir)
    results.h5FirstView = view
    if (view) {
      console.log(`  first view in Chromium (390×844, every script fetched before the network is idle): ${kb(view.gzipBytes)} gzip -9 in ${view.files.length} files`)
      console.log(`    ${view.files.map((f) => `${f.file} ${kb(f.gzipBytes)}`).join(', ')}`)
    } else {
      console.log('  first view in a browser: skipped (no Chromium; apt-get install chromium)')
    }
    console.log('')
  }

  if (want('api') || which.includes('records')) {
    const onlyRecords = !want('api')
    // The machine's load changes API figures more than most code changes: print it with them.
    const load = () => os.loadavg().map((l) => l.toFixed(2)).join(' ')
    console.log(`API (in-process server, embedded database, autocannon over 127.0.0.1, ${durationS} s per run; load average ${load()}; starting…)`)
    const api = await startApi()
    const all: ApiResult[] = []
    let recordsPageRatio: number | undefined
    try {
      if (!onlyRecords) for (const bench of apiBenches) all.push(...(await runApiBench(api, bench, durationS)))
      {
        const records = await runRecordsBench(api, durationS)
        all.push(...records.results)
        recordsPageRatio = records.ratio
        if (!onlyRecords) all.push(await runVerifyBench(api))
      }
    } finally {
      await api.close()
    }
    console.log(`  load average after the runs: ${load()}`)
    results.api = { db: api.dbKind, durationS, results: all, recordsPageRatio }
    table(
      [
        ['route', 'load', 'conns', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms', 'non-2xx', 'errors', 'bar', ''],
        ...all.map((r) => [
          r.name,
          r.mode,
          r.connections,
          r.reqPerSec,
          r.p50Ms,
          r.p90Ms,
          r.p99Ms,
          r.maxMs,
          r.non2xx,
          r.errors + r.timeouts,
          r.p99LimitMs !== undefined ? `p99 ≤ ${r.p99LimitMs} ms` : '',
          r.pass === undefined ? '' : r.pass ? 'PASS' : 'FAIL',
        ]),
      ],
      [2, 3, 4, 5, 6, 7, 8, 9],
    )
    console.log(`  database: ${api.dbKind}`)
    if (recordsPageRatio !== undefined) {
      console.log(`  records page p50, 100,000 entries ÷ 10 entries: ${recordsPageRatio} (cost independent of the number of entries: ≈ 1)\n`)
      if (recordsPageRatio > 2) results.failures.push(`records page costs ${recordsPageRatio}× more with 100,000 entries`)
    }
    for (const r of all) {
      if (r.pass === false) results.failures.push(`${r.name} at ${r.mode}: p99 ${r.p99Ms} ms > ${r.p99LimitMs} ms (non-2xx ${r.non2xx}, errors ${r.errors})`)
      else if (r.non2xx || r.errors) results.failures.push(`${r.name} at ${r.mode}: ${r.non2xx} non-2xx answers, ${r.errors} errors`)
    }
  }

  if (want('lighthouse')) {
    const h5Dir = path.join(ROOT, 'dist', 'h5')
    await ensureBuilt('build:h5', path.join(h5Dir, 'index.html'))
    const reportDir = path.join(ROOT, 'test-results', 'lighthouse')
    console.log('Lighthouse on the H5 home page (mobile: slow 4G and 4× CPU simulated; the service on 127.0.0.1; median of several runs; starting…)')
    const lh = await lighthouseHome(h5Dir, { reportDir })
    results.lighthouse = lh
    if (!lh) {
      console.log(`  skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)\n`)
    } else {
      const s = (ms: number) => `${(ms / 1000).toFixed(2)} s`
      table(
        [
          ['view', 'performance', 'accessibility', 'FCP', 'LCP', 'TBT', 'CLS', 'Speed Index', 'performance of each run', 'bar', ''],
          ...lh.views.map((v) => [
            v.name,
            v.performance,
            v.accessibility,
            s(v.metrics.fcpMs),
            s(v.metrics.lcpMs),
            `${v.metrics.tbtMs} ms`,
            v.metrics.cls,
            s(v.metrics.speedIndexMs),
            (v.runs ?? []).map((r) => r.performance).join(' '),
            `≥ ${LIGHTHOUSE_BARS.performance} / ≥ ${LIGHTHOUSE_BARS.accessibility}`,
            v.pass ? 'PASS' : 'FAIL',
          ]),
        ],
        [1, 2, 3, 4, 5, 6, 7],
      )
      console.log(`  Lighthouse ${lh.lighthouse}, Chromium ${lh.chrome}; reports in ${path.relative(ROOT, reportDir)}/`)
      for (const v of lh.views) {
        console.log(`  ${v.name}: LCP element ${v.lcpElement ?? '(none)'}`)
        for (const f of v.failing.slice(0, 8)) {
          const where = f.items?.length ? ` — ${f.items.slice(0, 3).map((i) => i.replace(/^https?:\/\/127\.0\.0\.1:\d+/, '')).join(', ')}` : ''
          console.log(`    ${f.category} ${f.score}: ${f.title}${f.displayValue ? ` (${f.displayValue})` : ''}${where}`)
        }
        for (const w of v.warnings) console.log(`    warning: ${w}`)
        if (v.performance < LIGHTHOUSE_BARS.performance) results.failures.push(`Lighthouse ${v.name}: performance ${v.performance} < ${LIGHTHOUSE_BARS.performance}`)
        if (v.accessibility < LIGHTHOUSE_BARS.accessibility) results.failures.push(`Lighthouse ${v.name}: accessibility ${v.accessibility} < ${LIGHTHOUSE_BARS.accessibility}`)
      }
      console.log('')
    }
  }

  const out = path.join(ROOT, 'bench-results.json')
  const { failures, ...figures } = results
  fs.writeFileSync(out, JSON.stringify({ ...figures, failures }, null, 2) + '\n')
  console.log(results.failures.length ? `Below the bar:\n${results.failures.map((f) => `  - ${f}`).join('\n')}` : 'All bars met.')
  console.log(`Figures written to ${path.relative(process.cwd(), out) || out}`)
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err instanceof Error ? err.stack : err)
    process.exit(1)
  },
)
