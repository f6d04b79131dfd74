// H5 production build: a Brotli (.br) and a gzip (.gz) copy beside every text asset of 1 KB or
// more, compressed once at the highest level. The server sends them to browsers that accept them
// (server/app.ts, @fastify/static `preCompressed`), so scripts travel compressed at no cost per
// request.
import zlib from 'node:zlib'
import type { Compiler } from 'webpack'

const TEXT = /\.(?:js|css|html|svg|json)$/
const MIN_BYTES = 1024

export class PrecompressPlugin {
  apply(compiler: Compiler) {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.thisCompilation.tap('PrecompressPlugin', (compilation) => {
      // After every other step that writes assets (index.html comes at OPTIMIZE_INLINE).
      compilation.hooks.processAssets.tap({ name: 'PrecompressPlugin', stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_TRANSFER }, (assets) => {
        for (const [name, source] of Object.entries(assets)) {
          if (!TEXT.test(name)) continue
          const raw = source.buffer()
          if (raw.length < MIN_BYTES) continue
          const br = zlib.brotliCompressSync(raw, {
            params: { [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length },
          })
          const gz = zlib.gzipSync(raw, { level: zlib.constants.Z_BEST_COMPRESSION })
          if (br.length < raw.length) compilation.emitAsset(`${name}.br`, new sources.RawSource(br), { compressed: true })
          if (gz.length < raw.length) compilation.emitAsset(`${name}.gz`, new sources.RawSource(gz), { compressed: true })
        }
      })
    })
  }
}
