import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import { PrecompressPlugin } from './precompress'
import { PreloadPagePlugin } from './preload-page'
import prodConfig from './prod'

// Features whose pages get a shared H5 chunk of their own (see h5.webpackChain).
const H5_FEATURE_CHUNKS = ['account', 'credit', 'incentives', 'staff', 'commitments']

// https://taro-docs.jd.com/docs/next/config#defineconfig-辅助函数
export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'creditpass',
    date: '2026-11-22',
    designWidth: 750,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2
    },
    sourceRoot: 'src',
    outputRoot: `dist/${process.env.TARO_ENV}`,
    plugins: [
    ],
    defineConstants: {
    },
    copy: {
      // H5 only: favicon, touch icon and web manifest beside index.html (src/index.html links them)
      patterns: process.env.TARO_ENV === 'h5' ? [{ from: 'src/public/', to: 'dist/h5/' }] : [],
      options: {
      }
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: false // Webpack 持久化缓存配置，建议开启。默认配置请参考：https://docs.taro.zone/docs/config-detail#cache
    },
    mini: {
      // Every image is a file, never inlined: the SVG icons load as images on both targets.
      imageUrlLoaderOption: { limit: 1 },
      postcss: {
        pxtransform: {
          enable: true,
          config: {

          }
        },
        cssModules: {
          enable: false, // 默认为 false，如需使用 css modules 功能，则设为 true
          config: {
            namingPattern: 'module', // 转换模式，取值为 global/module
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      }
    },
    h5: {
      publicPath: '/',
      imageUrlLoaderOption: { limit: 1 },
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[hash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js'
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[hash].css',
        chunkFilename: 'css/[name].[chunkhash].css'
      },
      postcss: {
        autoprefixer: {
          enable: true,
          config: {}
        },
        cssModules: {
          enable: false, // 默认为 false，如需使用 css modules 功能，则设为 true
          config: {
            namingPattern: 'module', // 转换模式，取值为 global/module
            generateScopedName: '[name]__[local]___[hash:base64:5]'
          }
        }
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
        if (process.env.NODE_ENV !== 'development') {
          // index.html fetches the home page's chunks at once, alongside the app's own scripts.
          chain.plugin('preload-home').use(PreloadPagePlugin, ['pages/index/index'])
          // .br and .gz copies of the text assets for the server to send.
          chain.plugin('precompress').use(PrecompressPlugin)
        }
        // Pages are lazy chunks: put what two or more of them share (API client, components) into
        // one chunk instead of copying it into every page. What the pages of one feature share
        // (its subpackage, src/features/<feature>, its API client) gets a chunk of its own, and so
        // does the QR library, so the tab pages' first load does not carry code that only
        // subpackage pages use.
        const splitChunks = chain.optimization.get('splitChunks')
        if (splitChunks) {
          const featureGroups = Object.fromEntries(
            H5_FEATURE_CHUNKS.map((feature) => [
              `${feature}Common`,
              {
                name: `${feature}-common`,
                test: new RegExp(String.raw`[\\/]src[\\/](?:(?:packages|features)[\\/]${feature}[\\/]|services[\\/]${feature}-api\.ts$)`),
                chunks: 'async',
                minChunks: 2,
                priority: 10,
                reuseExistingChunk: true,
              },
            ]),
          )
          chain.optimization.splitChunks({
            ...splitChunks,
            cacheGroups: {
              ...splitChunks.cacheGroups,
              pagesCommon: { name: 'pages-common', chunks: 'async', minChunks: 2, priority: 5, reuseExistingChunk: true },
              ...featureGroups,
              // Only the voucher and receipt pages (two features) draw QR codes.
              qrcode: { name: 'qrcode', test: /[\\/]node_modules[\\/]qrcode-generator[\\/]/, chunks: 'async', priority: 10, reuseExistingChunk: true },
            },
          })
        }
      }
    },
    rn: {
      appName: 'taroDemo',
      postcss: {
        cssModules: {
          enable: false, // 默认为 false，如需使用 css modules 功能，则设为 true
        }
      }
    }
  }


  if (process.env.NODE_ENV === 'development') {
    // 本地开发构建配置（不混淆压缩）
    return merge({}, baseConfig, devConfig)
  }
  // 生产构建配置（默认开启压缩混淆等）
  return merge({}, baseConfig, prodConfig)
})
