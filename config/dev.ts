import type { UserConfigExport } from '@tarojs/cli'

// `npm run dev`: H5 dev server on 10086, /api proxied to the API started by scripts/dev.js.
export default {
  logger: {
    quiet: false,
    stats: true,
  },
  mini: {},
  h5: {
    devServer: {
      port: Number(process.env.DEV_PORT || 10086),
      host: '127.0.0.1',
      proxy: {
        '/api': { target: `http://127.0.0.1:${process.env.API_PORT || 3001}`, changeOrigin: true },
      },
    },
  },
} satisfies UserConfigExport<'webpack5'>
