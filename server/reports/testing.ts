// Poppler's command-line tools (Debian poppler-utils) as a PDF reader independent of ours.
import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

function withFile<T>(pdf: Buffer, fn: (file: string) => T): T {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-check-'))
  const file = path.join(dir, 'r.pdf')
  fs.writeFileSync(file, pdf)
  try {
    return fn(file)
  } finally {
    fs.rmSync(dir, { recursive: true, force: true })
  }
}

export const pdfText = (pdf: Buffer) => withFile(pdf, (f) => execFileSync('pdftotext', ['-enc', 'UTF-8', f, '-']).toString())

/** pdfsig's verdict on the first signature: 'Signature is Valid.' or why not. */
export const pdfSignature = (pdf: Buffer) =>
  withFile(pdf, (f) => {
    const r = spawnSync('pdfsig', [f])
    const out = r.stdout.toString() + r.stderr.toString()
    return { out, valid: /Signature Validation: Signature is Valid\./.test(out) }
  })
