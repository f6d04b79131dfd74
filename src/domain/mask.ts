// Masking of personal data (PIPL; GB/T 35273 §7.2). The server masks; the app masks a person's
// name again where it shows one (masking a masked name changes nothing), so a server slip never
// puts a full name on screen.

export function maskIdNumber(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length)
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4)
}

export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length)
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4)
}

/** 张三 → 张*, 欧阳娜娜 → 欧***: the family-name character stays, the rest is hidden. */
export function maskName(name: string): string {
  const chars = [...name.trim()]
  if (chars.length === 0) return ''
  if (chars.length === 1) return '*'
  return chars[0] + '*'.repeat(chars.length - 1)
}

/**
 * What staff compare with an ID card at a counter without seeing the number: the name with its
 * first and last character (陈明远 → 陈*远, 欧阳娜娜 → 欧**娜; a two-character name 陈明 → 陈*)
 * and the ID number's last 4.
 */
export function holderForCheck(name: string, idNumber: string | null): { name: string; idLast4: string | null } {
  const chars = [...name.trim()]
  const masked = chars.length <= 2 ? maskName(name) : chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
  return { name: masked, idLast4: idNumber && idNumber.length >= 4 ? idNumber.slice(-4) : null }
}
