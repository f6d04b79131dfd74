// Short human-readable codes that carry their own MAC: a typed or forged code is recognised without
// a database lookup, and the QR code holds nothing but the code.
import crypto from 'node:crypto'

const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789' // no I, L, O, 0, 1
const BODY = 8
const TAG = 4

function key(secret: Uint8Array, purpose: string) {
  return crypto.createHmac('sha256', Buffer.from(secret)).update(`creditpass:${purpose}`).digest()
}

function encode(bytes: Buffer, n: number) {
  let out = ''
  for (let i = 0; i < n; i++) out += ALPHABET[bytes[i] % ALPHABET.length]
  return out
}

function tag(secret: Uint8Array, purpose: string, body: string) {
  return encode(crypto.createHmac('sha256', key(secret, purpose)).update(body).digest(), TAG)
}

/** what a code is for: a code of one purpose never passes as another (时长码: 'hour') */
export type CodePurpose = 'voucher' | 'grant' | 'counter' | 'hour'

/** e.g. "K7QM-2XRD-9PTA" */
export function newCode(secret: Uint8Array, purpose: CodePurpose): string {
  const body = encode(crypto.randomBytes(BODY), BODY)
  const raw = body + tag(secret, purpose, body)
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
}

/** The canonical code when the MAC holds (spaces, dashes and case forgiven); null otherwise. */
export function checkCode(secret: Uint8Array, purpose: CodePurpose, input: string): string | null {
  const raw = input.toUpperCase().replace(/[\s-]/g, '')
  if (raw.length !== BODY + TAG || ![...raw].every((c) => ALPHABET.includes(c))) return null
  const body = raw.slice(0, BODY)
  const expected = tag(secret, purpose, body)
  if (!crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(raw.slice(BODY)))) return null
  return `${raw.slice(0, 4)}-${raw.slice(4, 8)}-${raw.slice(8)}`
}

/** Binds a voucher's fields together: a row edited in the database no longer verifies. */
export function sign(secret: Uint8Array, fields: string[]): string {
  return crypto.createHmac('sha256', key(secret, 'signature')).update(fields.join('|')).digest('base64url')
}

/** The secret behind an item's rotating code (a voucher, a counter proof, a 公益服务 site): derived, never stored. */
export function itemSecret(secret: Uint8Array, purpose: 'voucher-pass' | 'counter-pass' | 'service-site', id: string): Uint8Array {
  return new Uint8Array(crypto.createHmac('sha256', key(secret, purpose)).update(id).digest())
}

/** "k7qm 2xrd-9pta 482913" → the code part and the rotating digits (null when not given). */
export function splitPassInput(input: string): { code: string; digits: string | null } {
  const raw = input.toUpperCase().replace(/[\s.-]/g, '')
  if (/^[A-Z2-9]{12}\d{6}$/.test(raw)) return { code: raw.slice(0, 12), digits: raw.slice(12) }
  return { code: raw, digits: null }
}
