// Builds an output folder when it is missing, within a time limit.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'

export const ROOT = path.resolve(__dirname, '..', '..')

/** Runs `npm run <script>` unless `marker` exists; keeps the build log quiet unless it fails. */
export async function ensureBuilt(script: string, marker: string, timeoutMs = 10 * 60_000): Promise<boolean> {
  if (fs.existsSync(marker)) return false
  console.log(`${path.relative(ROOT, marker)} is missing: npm run ${script} …`)
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm'
  const child = spawn(npm, ['run', script], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, CI: 'true' } })
  let log = ''
  const keep = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  const timer = setTimeout(() => child.kill('SIGTERM'), timeoutMs)
  const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)))
  clearTimeout(timer)
  if (code !== 0 || !fs.existsSync(marker)) {
    throw new Error(`npm run ${script} failed (exit ${code}):\n${log.split('\n').slice(-30).join('\n')}`)
  }
  return true
}
