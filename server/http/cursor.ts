// Opaque cursors for keyset paging: (sort key, id) of the last row, base64url. A cursor that is
// not one of ours is a 400 with a Chinese message, never a 500.
import { badRequest } from './errors'

const KEY_FORMATS = {
  date: (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v),
  timestamp: (v: string) => !Number.isNaN(Date.parse(v)),
}

export function encodeCursor(key: string, id: string): string {
  return Buffer.from(JSON.stringify([key, id])).toString('base64url')
}

export function decodeCursor(cursor: string, key: keyof typeof KEY_FORMATS): [string, string] {
  try {
    const v = JSON.parse(Buffer.from(cursor, 'base64url').toString())
    if (Array.isArray(v) && v.length === 2 && typeof v[0] === 'string' && KEY_FORMATS[key](v[0]) && typeof v[1] === 'string') return [v[0], v[1]]
  } catch {
    /* not ours */
  }
  throw badRequest('分页参数无效，请刷新列表', 'INVALID_CURSOR')
}
