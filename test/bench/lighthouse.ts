// Lighthouse on the H5 home page (DESIGN §5: mobile performance ≥ 90, accessibility ≥ 95).
//
// The real service (`node --import tsx server/main.ts`) serves dist/h5 and the API on 127.0.0.1,
// on a fresh embedded database with the demo data and sandbox login. Lighthouse's default mobile
// settings (Moto G Power viewport, simulated slow 4G and 4× CPU slowdown) audit two views of `/`:
//
//   first launch   empty storage: the home page under the privacy-consent dialog
//   signed in      consent given and signed in as a demo persona (storage kept, HTTP cache
//                  cleared): the home page with the credit summary
//
// Each view is audited LIGHTHOUSE_RUNS times (default 3) and reported by its median run. Chromium
// is Debian's (/usr/bin/chromium, CHROMIUM_PATH to override), started by chrome-launcher in a
// fresh profile for each run. No traffic leaves 127.0.0.1.
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import type { Flags, Result, RunnerResult } from 'lighthouse' with { 'resolution-mode': 'import' }
import { ROOT } from './build'
import { removeOutsideCluster } from '../../server/db/embedded'

export const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const LIGHTHOUSE_BARS = { performance: 90, accessibility: 95 }
const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
/** the persona whose home page the signed-in view shows */
const PERSONA = 'citizen-red'

export interface FailingAudit {
  category: 'performance' | 'accessibility'
  id: string
  title: string
  /** 0–100, or null for an informative audit */
  score: number | null
  displayValue?: string
  /** what the audit points at (selectors of failing elements, URLs) */
  items?: string[]
}

export interface LighthouseView {
  name: string
  url: string
  performance: number
  accessibility: number
  metrics: { fcpMs: number; lcpMs: number; tbtMs: number; cls: number; speedIndexMs: number; ttiMs: number }
  lcpElement?: string
  failing: FailingAudit[]
  warnings: string[]
  pass: boolean
  /** the full HTML report (of the median run) */
  report?: string
  /** the scores of every run; the figures above are those of the median run */
  runs?: { performance: number; accessibility: number }[]
}

export interface LighthouseResults {
  lighthouse: string
  chrome: string
  views: LighthouseView[]
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: not done within ${ms / 1000} s`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo
      srv.close(() => resolve(port))
    })
  })
}

interface Server {
  origin: string
  stop(): Promise<void>
}

/** The service as `npm start` runs it, serving `h5Dir`, on a fresh temporary DATA_DIR. */
async function startServer(h5Dir: string): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'creditpass-lighthouse-'))
  const port = await freePort()
  const origin = `http://127.0.0.1:${port}`
  let log = ''
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      NODE_ENV: 'production',
      SANDBOX: '1',
      DATABASE_URL: '',
      STATIC_DIR: h5Dir,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  const keep = (d: Buffer) => (log = (log + d.toString()).slice(-10_000))
  child.stdout?.on('data', keep)
  child.stderr?.on('data', keep)
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r))
      child.kill('SIGTERM')
      // SIGTERM stops the embedded PostgreSQL too (a shutdown checkpoint: give it time)
      const timer = setTimeout(() => child.kill('SIGKILL'), 20_000)
      await exited
      clearTimeout(timer)
    }
    removeOutsideCluster(dataDir) // a temp DATA_DIR is mode 700: as root the cluster lives elsewhere
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
  const deadline = Date.now() + 180_000
  try {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server exited (${child.exitCode}):\n${log}`)
      if (Date.now() > deadline) throw new Error(`the server did not answer /api/health within 180 s:\n${log}`)
      const health = await fetch(`${origin}/api/health`, { signal: AbortSignal.timeout(2000) }).catch(() => null)
      if (health?.ok) {
        const body = (await health.json()) as { sandbox?: boolean }
        if (!body.sandbox) throw new Error('the server has no sandbox login (SANDBOX=1)')
        break
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  } catch (e) {
    await stop()
    throw e
  }
  return { origin, stop }
}

/** Accepts the privacy notice and signs in as PERSONA through the UI, then empties the HTTP cache. */
async function signIn(chromePort: number, origin: string) {
  const { chromium } = await import('playwright-core')
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${chromePort}`, { timeout: 30_000 })
  try {
    const context = browser.contexts()[0]
    const page = await context.newPage()
    page.setDefaultTimeout(30_000)
    await page.goto(`${origin}/`)
    await page.locator('taro-button-core', { hasText: /^同意$/ }).click()
    await page.getByRole('dialog').waitFor({ state: 'detached' })
    await page.goto(`${origin}/?signin#/packages/account/pages/login/index`)
    await page.locator(`[data-persona="${PERSONA}"]`).click()
    await page.locator('.home .home-name').waitFor()
    // Let the home page finish its requests so the stored session is the settled one.
    await page.waitForLoadState('networkidle')
    const cdp = await context.newCDPSession(page)
    await cdp.send('Network.clearBrowserCache')
    await cdp.detach()
    await page.goto('about:blank')
    await page.close()
  } finally {
    await browser.close() // disconnects; the browser and its profile stay for the audit
  }
}

const ms = (lhr: Result, id: string) => Math.round(lhr.audits[id]?.numericValue ?? NaN)

function itemsOf(details: unknown): string[] {
  const d = details as { type?: string; items?: unknown[] } | undefined
  if (!d?.items) return []
  const out: string[] = []
  for (const item of d.items) {
    const it = item as { type?: string; items?: unknown[]; node?: { selector?: string; snippet?: string }; url?: string; source?: { url?: string } }
    if (it.type === 'table' || it.type === 'list') out.push(...itemsOf(it))
    else if (it.node?.selector || it.node?.snippet) out.push(it.node.selector || it.node.snippet || '')
    else if (it.url) out.push(it.url)
    else if (it.source?.url) out.push(it.source.url)
  }
  return out
}

function summarise(name: string, lhr: Result, report: string | undefined): LighthouseView {
  const cat = (id: 'performance' | 'accessibility') => Math.round((lhr.categories[id]?.score ?? 0) * 100)
  const failing: FailingAudit[] = []
  for (const category of ['accessibility', 'performance'] as const) {
    const refs = lhr.categories[category]?.auditRefs ?? []
    for (const ref of refs) {
      const audit = lhr.audits[ref.id]
      if (!audit || audit.score === null || audit.scoreDisplayMode === 'notApplicable' || audit.scoreDisplayMode === 'manual') continue
      if (category === 'accessibility') {
        // every weighted audit that is not a full pass
        if (ref.weight === 0 || audit.score >= 1) continue
      } else {
        // metrics below 90, and opportunities/diagnostics below 90 that Lighthouse says would
        // save time on a metric (the LCP element is reported on its own)
        if (audit.score >= 0.9 || ref.id === 'largest-contentful-paint-element') continue
        const saves = Object.values(audit.metricSavings ?? {}).some((v) => typeof v === 'number' && v > 0)
        if (ref.weight === 0 && !saves) continue
      }
      failing.push({
        category,
        id: ref.id,
        title: audit.title,
        score: Math.round(audit.score * 100),
        displayValue: audit.displayValue,
        items: itemsOf(audit.details).slice(0, 8),
      })
    }
  }
  failing.sort((a, b) => (a.category === b.category ? (a.score ?? 100) - (b.score ?? 100) : a.category === 'accessibility' ? -1 : 1))
  const lcpElement = itemsOf(lhr.audits['largest-contentful-paint-element']?.details)[0]
  const performance = cat('performance')
  const accessibility = cat('accessibility')
  return {
    name,
    url: lhr.finalDisplayedUrl,
    performance,
    accessibility,
    metrics: {
      fcpMs: ms(lhr, 'first-contentful-paint'),
      lcpMs: ms(lhr, 'largest-contentful-paint'),
      tbtMs: ms(lhr, 'total-blocking-time'),
      cls: Math.round((lhr.audits['cumulative-layout-shift']?.numericValue ?? NaN) * 1000) / 1000,
      speedIndexMs: ms(lhr, 'speed-index'),
      ttiMs: ms(lhr, 'interactive'),
    },
    lcpElement,
    failing,
    warnings: lhr.runWarnings ?? [],
    pass: performance >= LIGHTHOUSE_BARS.performance && accessibility >= LIGHTHOUSE_BARS.accessibility,
    report,
  }
}

/** One Lighthouse run of one view, in a fresh browser profile. */
async function auditOnce(name: string, origin: string, opts: { signedIn: boolean; timeoutMs: number }): Promise<{ lhr: Result; html: string }> {
  const { launch } = await import('chrome-launcher')
  const { default: lighthouse } = await import('lighthouse')
  const chrome = await launch({ chromePath: CHROMIUM, chromeFlags: CHROME_FLAGS, logLevel: 'silent', maxConnectionRetries: 100 })
  const work = (async () => {
    if (opts.signedIn) await signIn(chrome.port, origin)
    const flags: Flags = {
      port: chrome.port,
      logLevel: 'error',
      output: 'html',
      formFactor: 'mobile',
      onlyCategories: ['performance', 'accessibility'],
      // The signed-in view keeps its storage (the session); signIn() emptied the HTTP cache.
      disableStorageReset: opts.signedIn,
      maxWaitForLoad: 60_000,
      locale: 'en-US',
    }
    const result: RunnerResult | undefined = await lighthouse(`${origin}/`, flags)
    if (!result) throw new Error('Lighthouse returned no result')
    const { lhr } = result
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`)
    return { lhr, html: String(result.report) }
  })()
  work.catch(() => undefined) // after a timeout its rejection is not wanted
  try {
    return await withTimeout(work, opts.timeoutMs, `Lighthouse (${name})`)
  } finally {
    // Also ends a run that timed out: Lighthouse loses its browser and stops.
    await Promise.resolve(chrome.kill()).catch(() => undefined)
  }
}

/**
 * Audits the home page of the H5 build in `h5Dir` (first launch and signed in). Each view is run
 * `runs` times (LIGHTHOUSE_RUNS, default 3) and reported by its median run, Lighthouse's own
 * choice (computeMedianRun: the run closest to the median FCP and TTI), since one run's score
 * moves by several points on a busy two-core machine. null when Chromium is not installed.
 */
export async function lighthouseHome(
  h5Dir: string,
  opts: { reportDir?: string; timeoutMs?: number; runs?: number } = {},
): Promise<LighthouseResults | null> {
  if (!fs.existsSync(CHROMIUM)) return null
  const timeoutMs = opts.timeoutMs ?? 240_000
  const runs = Math.max(1, opts.runs ?? (Number(process.env.LIGHTHOUSE_RUNS) || 3))
  const { computeMedianRun } = await import('lighthouse/core/lib/median-run.js')
  const server = await startServer(h5Dir)
  try {
    const views: LighthouseView[] = []
    let versions = { lighthouse: '', chrome: '' }
    for (const [name, signedIn] of [
      ['first launch', false],
      ['signed in', true],
    ] as const) {
      const all: { lhr: Result; html: string }[] = []
      for (let i = 0; i < runs; i++) all.push(await auditOnce(name, server.origin, { signedIn, timeoutMs }))
      const median = computeMedianRun(all.map((r) => r.lhr))
      const chosen = all.find((r) => r.lhr === median) ?? all[0]
      let report: string | undefined
      if (opts.reportDir) {
        fs.mkdirSync(opts.reportDir, { recursive: true })
        report = path.join(opts.reportDir, `${name.replace(/\W+/g, '-')}.html`)
        fs.writeFileSync(report, chosen.html)
        fs.writeFileSync(report.replace(/\.html$/, '.json'), JSON.stringify(chosen.lhr, null, 1))
      }
      const view = summarise(name, chosen.lhr, report)
      view.runs = all.map((r) => ({
        performance: Math.round((r.lhr.categories.performance?.score ?? 0) * 100),
        accessibility: Math.round((r.lhr.categories.accessibility?.score ?? 0) * 100),
      }))
      versions = { lighthouse: chosen.lhr.lighthouseVersion, chrome: chosen.lhr.environment.hostUserAgent.match(/Chrome\/([\d.]+)/)?.[1] ?? '' }
      views.push(view)
    }
    return { ...versions, views }
  } finally {
    await server.stop()
  }
}
