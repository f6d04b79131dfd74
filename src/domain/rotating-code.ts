// Codes a screenshot cannot fake (vouchers, 信易阅 / 信易医 / 绿色通道 proofs): 6 digits derived by
// HMAC-SHA-256 from a per-item secret and the current 30-second window (RFC 6238 with SHA-256).
// Pure TypeScript so the phone computes the code offline at the gate, the server checks it, and
// both run this one implementation.
import { ROTATING_CODE_PERIOD_S, ROTATING_CODE_SKEW_WINDOWS } from './policy'

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3,
  0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13,
  0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85, 0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
  0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
])

export function sha256(data: Uint8Array): Uint8Array {
  const h = new Uint32Array([0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19])
  const len = data.length
  const padded = new Uint8Array(Math.ceil((len + 9) / 64) * 64)
  padded.set(data)
  padded[len] = 0x80
  const bits = len * 8
  const view = new DataView(padded.buffer)
  view.setUint32(padded.length - 8, Math.floor(bits / 0x100000000))
  view.setUint32(padded.length - 4, bits >>> 0)
  const w = new Uint32Array(64)
  const rotr = (x: number, n: number) => (x >>> n) | (x << (32 - n))
  for (let off = 0; off < padded.length; off += 64) {
    for (let i = 0; i < 16; i++) w[i] = view.getUint32(off + i * 4)
    for (let i = 16; i < 64; i++) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3)
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10)
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0
    }
    let [a, b, c, d, e, f, g, hh] = h
    for (let i = 0; i < 64; i++) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0
      hh = g
      g = f
      f = e
      e = (d + t1) >>> 0
      d = c
      c = b
      b = a
      a = (t1 + t2) >>> 0
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh
  }
  const out = new Uint8Array(32)
  const ov = new DataView(out.buffer)
  h.forEach((x, i) => ov.setUint32(i * 4, x))
  return out
}

export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  const block = new Uint8Array(64)
  block.set(key.length > 64 ? sha256(key) : key)
  const inner = new Uint8Array(64 + message.length)
  const outer = new Uint8Array(64 + 32)
  for (let i = 0; i < 64; i++) {
    inner[i] = block[i] ^ 0x36
    outer[i] = block[i] ^ 0x5c
  }
  inner.set(message, 64)
  outer.set(sha256(inner), 64)
  return sha256(outer)
}

/** The 30-second window an instant falls in. */
export const windowOf = (at: Date | number): number => Math.floor(new Date(at).getTime() / 1000 / ROTATING_CODE_PERIOD_S)

/** Seconds left in the window of `at` (for the countdown on the phone). */
export const secondsLeft = (at: Date | number): number => ROTATING_CODE_PERIOD_S - (Math.floor(new Date(at).getTime() / 1000) % ROTATING_CODE_PERIOD_S)

/** The 6 digits of `window` for a secret (base64url from the server, or raw bytes). */
export function rotatingDigits(secret: Uint8Array, window: number): string {
  const counter = new Uint8Array(8)
  const view = new DataView(counter.buffer)
  view.setUint32(0, Math.floor(window / 0x100000000))
  view.setUint32(4, window >>> 0)
  const mac = hmacSha256(secret, counter)
  const off = mac[mac.length - 1] & 0x0f
  const bin = ((mac[off] & 0x7f) << 24) | (mac[off + 1] << 16) | (mac[off + 2] << 8) | mac[off + 3]
  return String(bin % 1_000_000).padStart(6, '0')
}

export type RotatingCheck = 'current' | 'expired' | 'wrong'

/** How far back (12 h: a voucher is for one day) an old code is recognised as "expired" rather than wrong. */
const RECOGNISED_PAST_WINDOWS = (12 * 3600) / ROTATING_CODE_PERIOD_S

/** 'current' within ± ROTATING_CODE_SKEW_WINDOWS of now; 'expired' for a code of the last day (a screenshot). */
export function checkRotating(secret: Uint8Array, digits: string, now: Date | number): RotatingCheck {
  const w = windowOf(now)
  for (let d = -ROTATING_CODE_SKEW_WINDOWS; d <= ROTATING_CODE_SKEW_WINDOWS; d++) if (rotatingDigits(secret, w + d) === digits) return 'current'
  for (let d = ROTATING_CODE_SKEW_WINDOWS + 1; d <= RECOGNISED_PAST_WINDOWS; d++) if (rotatingDigits(secret, w - d) === digits) return 'expired'
  return 'wrong'
}

export function fromBase64Url(s: string): Uint8Array {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
  const out: number[] = []
  let buf = 0
  let bits = 0
  for (const ch of s.replace(/=+$/, '')) {
    const v = alphabet.indexOf(ch)
    if (v < 0) throw new RangeError('not base64url')
    buf = (buf << 6) | v
    bits += 6
    if (bits >= 8) {
      bits -= 8
      out.push((buf >> bits) & 0xff)
    }
  }
  return new Uint8Array(out)
}
