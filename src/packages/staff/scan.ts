// The camera scan of a QR code: WeChat's scanner in the mini-program (H5: scan.h5.ts, the browser
// camera).
import Taro from '@tarojs/taro'
import { isWeapp } from '../../platform/env'

export const canScan = isWeapp

/** The scanned text, or null when the user closed the scanner. */
export async function scanQrCode(): Promise<string | null> {
  try {
    const res = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
    return res.result ? String(res.result) : null
  } catch {
    return null // cancelled
  }
}
