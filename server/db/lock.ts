// A pid lock on the data directory: one API process per DATA_DIR. The embedded PostgreSQL server
// belongs to the process holding it (a second one would stop it as a stale postmaster).
import fs from 'node:fs'
import path from 'node:path'

export class DataDirLockedError extends Error {
  constructor(public dir: string, public pid: number) {
    super(`数据目录 ${dir} 正在被另一个服务进程（pid ${pid}）使用。请先停止该进程，或用 DATA_DIR 指定另一个目录。`)
    this.name = 'DataDirLockedError'
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM'
  }
}

/** Takes the lock or throws DataDirLockedError; returns the release function. */
export function lockDataDir(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, 'server.pid')
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, String(process.pid), { flag: 'wx' })
      let released = false
      return () => {
        if (released) return
        released = true
        try {
          if (fs.readFileSync(file, 'utf8') === String(process.pid)) fs.unlinkSync(file)
        } catch {
          /* already gone */
        }
      }
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e
      const pid = Number(fs.readFileSync(file, 'utf8').trim())
      if (pid && pid !== process.pid && alive(pid)) throw new DataDirLockedError(dir, pid)
      fs.unlinkSync(file) // stale lock of a process that died
    }
  }
  throw new Error(`无法获取数据目录锁：${file}`)
}
