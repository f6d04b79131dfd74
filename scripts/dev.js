// `npm run dev`: the API in watch mode plus the H5 dev server, which proxies /api to it.
const { spawn } = require('node:child_process')

const apiPort = process.env.API_PORT || '3001'
const children = [
  spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/main.ts'], {
    stdio: 'inherit',
    env: { ...process.env, PORT: apiPort, STATIC_DIR: '', HOST: '127.0.0.1' },
  }),
  spawn('npx', ['taro', 'build', '--type', 'h5', '--watch'], {
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'development', API_PORT: apiPort },
  }),
]
const stop = () => children.forEach((c) => c.kill('SIGTERM'))
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
children.forEach((c) => c.on('exit', (code) => { if (code) { stop(); process.exit(code) } }))
