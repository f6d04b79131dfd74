// WeChat's own privacy authorisation (wx.onNeedPrivacyAuthorization, __usePrivacyCheck__): a
// privacy-sensitive WeChat API waits until the user agrees in our consent dialog. H5 has none.
import Taro from '@tarojs/taro'
import { isWeapp } from './env'

type PrivacyAnswer = { event: 'exposureAuthorization' | 'agree' | 'disagree'; buttonId?: string }
type Resolve = (answer: PrivacyAnswer) => void

/** The id of the 同意 button (openType="agreePrivacyAuthorization"); WeChat checks it was tapped. */
export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

let pending: Resolve | null = null
const listeners = new Set<() => void>()
const notify = () => listeners.forEach((listener) => listener())

/** Called once at launch. */
export function listenForWechatPrivacyRequests(): void {
  if (!isWeapp || typeof Taro.onNeedPrivacyAuthorization !== 'function') return
  Taro.onNeedPrivacyAuthorization((resolve) => {
    pending = resolve as Resolve
    notify()
  })
}

export const hasWechatPrivacyRequest = () => pending !== null

export function subscribeWechatPrivacyRequests(listener: () => void): () => void {
  listeners.add(listener)
  return () => listeners.delete(listener)
}

/** Tells WeChat the dialog is on screen (required before the answer). */
export function reportPrivacyDialogShown(): void {
  pending?.({ event: 'exposureAuthorization' })
}

export function answerWechatPrivacyRequest(agreed: boolean): void {
  const resolve = pending
  if (!resolve) return
  pending = null
  resolve(agreed ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  notify()
}
