// The contract's zod schemas serve the server; the app takes only their types. A value import of
// src/contract (or of zod) anywhere in the app would put zod into the mini-program bundle.
import fs from 'node:fs'
import path from 'node:path'

const SRC = path.resolve(__dirname, '..')
const CONTRACT = path.join(SRC, 'contract')

function sources(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return full === CONTRACT ? [] : sources(full)
    return /\.(ts|tsx)$/.test(e.name) ? [full] : []
  })
}

/** Every import/export … from '…' statement of a file, as [whole statement, specifier]. */
function imports(code: string): [string, string][] {
  return [...code.matchAll(/^\s*(?:import|export)\s[^;]*?from\s+['"]([^'"]+)['"]/gms)].map((m) => [m[0], m[1]])
}

describe('the app takes only types from the contract', () => {
  const files = sources(SRC)

  it('finds the app\'s API clients among the files it checks', () => {
    expect(files.some((f) => f.endsWith(path.join('services', 'credit-api.ts')))).toBe(true)
  })

  it('no file outside src/contract imports a value from it, or imports zod', () => {
    const offenders: string[] = []
    for (const file of files) {
      for (const [statement, from] of imports(fs.readFileSync(file, 'utf8'))) {
        const typeOnly = /^\s*(import|export)\s+type\s/.test(statement)
        if (from === 'zod' || (/(^|\/)contract\//.test(from) && !typeOnly)) offenders.push(`${path.relative(SRC, file)}: ${statement.trim()}`)
      }
    }
    expect(offenders).toEqual([])
  })
})
