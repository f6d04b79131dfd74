#!/usr/bin/env node
// Renders the tab bar icons (the mini-program tab bar takes PNG only, not SVG) from the SVG
// sources below to src/assets/tabbar/*.png, 81×81, transparent, with headless Chromium.
// Run after changing an icon: node scripts/render-tabbar-icons.js
const fs = require('node:fs')
const os = require('node:os')
const path = require('node:path')
const { chromium } = require('playwright-core')

const SIZE = 81
const NORMAL = '#8A919F'
const SELECTED = '#1763F0'
const OUT_DIR = path.join(__dirname, '..', 'src', 'assets', 'tabbar')

// 48×48 artwork. Normal: outline. Selected: filled shape with white details.
const icons = {
  home: {
    normal: (c) => `<path d="M7 21L24 7l17 14v18a3 3 0 0 1-3 3H10a3 3 0 0 1-3-3z" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>
      <path d="M19 42V30h10v12" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>`,
    selected: (c) => `<path d="M7 21L24 7l17 14v18a3 3 0 0 1-3 3H10a3 3 0 0 1-3-3z" fill="${c}" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>
      <path d="M19 42V30h10v12" fill="#fff"/>`,
  },
  incentives: {
    normal: (c) => `<circle cx="24" cy="19" r="12" stroke="${c}" stroke-width="3.2"/>
      <path d="M17 29l-3 14 10-5 10 5-3-14" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>
      <path d="M24 13l1.9 3.9 4.1.6-3 2.9.7 4.1-3.7-2-3.7 2 .7-4.1-3-2.9 4.1-.6z" fill="${c}"/>`,
    selected: (c) => `<path d="M17 29l-3 14 10-5 10 5-3-14" fill="${c}" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>
      <circle cx="24" cy="19" r="13.6" fill="${c}"/>
      <path d="M24 12l2.1 4.4 4.7.6-3.4 3.3.8 4.7-4.2-2.3-4.2 2.3.8-4.7-3.4-3.3 4.7-.6z" fill="#fff"/>`,
  },
  mine: {
    normal: (c) => `<circle cx="24" cy="16" r="9" stroke="${c}" stroke-width="3.2"/>
      <path d="M7 42c1.6-9 8.4-14 17-14s15.4 5 17 14z" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>`,
    selected: (c) => `<circle cx="24" cy="16" r="10.6" fill="${c}"/>
      <path d="M7 42c1.6-9 8.4-14 17-14s15.4 5 17 14z" fill="${c}" stroke="${c}" stroke-width="3.2" stroke-linejoin="round"/>`,
  },
}

const svg = (body) =>
  `<svg xmlns="http://www.w3.org/2000/svg" width="${SIZE}" height="${SIZE}" viewBox="0 0 48 48" fill="none">${body}</svg>`

async function main() {
  const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tabbar-icons-'))
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
    viewport: { width: SIZE, height: SIZE },
    deviceScaleFactor: 1,
  })
  try {
    const page = context.pages()[0] || (await context.newPage())
    fs.mkdirSync(OUT_DIR, { recursive: true })
    for (const [name, variants] of Object.entries(icons)) {
      for (const [variant, colour] of [['normal', NORMAL], ['selected', SELECTED]]) {
        const html = `<html><body style="margin:0;background:transparent">${svg(variants[variant](colour))}</body></html>`
        await page.setContent(html)
        const file = path.join(OUT_DIR, `${name}${variant === 'selected' ? '-active' : ''}.png`)
        await page.locator('svg').screenshot({ path: file, omitBackground: true })
        console.log(path.relative(process.cwd(), file))
      }
    }
  } finally {
    await context.close()
    fs.rmSync(userDataDir, { recursive: true, force: true })
  }
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})
