// H5 production build: index.html preloads the scripts and styles of one page (the home page).
// Taro loads every page with import() once the app's own scripts have run, so without this the
// browser only starts fetching the home page's chunks after downloading and running app.js.
import type { Compiler } from 'webpack'

const NAME = 'PreloadPagePlugin'

export class PreloadPagePlugin {
  /** `page`: the page's path under src, as in app.config (e.g. 'pages/index/index') */
  constructor(private readonly page: string) {}

  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    const pattern = new RegExp(String.raw`(?:^|[\\/])${this.page.split('/').join(String.raw`[\\/]`)}(?:\.[jt]sx?)?$`)
    compiler.hooks.thisCompilation.tap(NAME, (compilation) => {
      // Right after html-webpack-plugin has written index.html (OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap({ name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_INLINE + 1 }, (assets) => {
        const html = assets['index.html']
        if (!html) return
        const group = [...compilation.chunkGroups].find((g) => g.origins.some((o) => o.request && pattern.test(o.request)))
        if (!group) {
          compilation.warnings.push(new compiler.webpack.WebpackError(`${NAME}: no lazy chunk for ${this.page}; index.html preloads nothing`))
          return
        }
        const initial = new Set<string>()
        for (const entry of compilation.entrypoints.values()) for (const chunk of entry.chunks) for (const f of chunk.files) initial.add(f)
        const publicPath = typeof compilation.outputOptions.publicPath === 'string' && compilation.outputOptions.publicPath !== 'auto' ? compilation.outputOptions.publicPath : ''
        const tags: string[] = []
        for (const chunk of group.chunks) {
          for (const file of chunk.files) {
            if (initial.has(file)) continue
            if (file.endsWith('.css')) tags.push(`<link rel="preload" href="${publicPath}${file}" as="style">`)
            else if (file.endsWith('.js')) tags.push(`<link rel="preload" href="${publicPath}${file}" as="script">`)
          }
        }
        // Styles first: a page's CSS blocks its first render once its script has run.
        tags.sort((a, b) => Number(a.includes('as="script"')) - Number(b.includes('as="script"')))
        const text = html.source().toString()
        if (!text.includes('</head>')) return
        compilation.updateAsset('index.html', new sources.RawSource(text.replace('</head>', `${tags.join('')}</head>`)))
      })
    })
  }
}
