// Keeps personal data out of device storage (PIPL; DESIGN §3): a full resident ID number or a
// mobile number in a submission is refused before anything is stored. Masked values pass.
import { idNumberCheckChar } from '../../domain/id-number'

// Bounded by non-alphanumerics so digits inside base64 (a drawn signature) do not count. No
// lookbehind: older iOS engines in the mini-program cannot parse it.
const ID_NUMBER = /(?:^|[^0-9A-Za-z])(\d{17})([\dXx])(?![0-9A-Za-z])/g
const PHONE = /(?:^|[^0-9A-Za-z])1[3-9]\d{9}(?![0-9A-Za-z])/

export class PersonalDataRefused extends Error {
  constructor(what: string) {
    super(`${what}不能保存在本机，请勿在提交内容中填写完整号码`)
    this.name = 'PersonalDataRefused'
  }
}

function check(text: string) {
  for (const m of text.matchAll(ID_NUMBER)) {
    if (idNumberCheckChar(m[1]) === m[2].toUpperCase()) throw new PersonalDataRefused('完整身份证号码')
  }
  if (PHONE.test(text)) throw new PersonalDataRefused('手机号码')
}

/** Throws PersonalDataRefused when any string in `value` (keys included) holds a full ID or phone. */
export function refusePersonalData(value: unknown): void {
  if (typeof value === 'string') check(value)
  else if (Array.isArray(value)) value.forEach(refusePersonalData)
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      check(k)
      refusePersonalData(v)
    }
  }
}
