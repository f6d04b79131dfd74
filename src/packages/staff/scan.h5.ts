// The camera scan of a QR code on H5: the rear camera (getUserMedia) in a full-screen view, each
// frame read by qr-decode (BarcodeDetector or jsQR). A refused or missing camera is explained in
// Chinese; the typed field beside the button always stays available.
import { createFrameReader } from './qr-decode'
import './scan.h5.scss'

export const canScan = typeof navigator !== 'undefined' && Boolean(navigator.mediaDevices?.getUserMedia)

/** What went wrong with the camera, in words for the staff member. */
export function cameraProblem(err: unknown): string {
  const name = (err as { name?: string })?.name
  if (name === 'NotAllowedError' || name === 'SecurityError') return '未获得相机权限：请在浏览器设置中允许本网站使用相机，或手动输入下方的码'
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return '未找到可用的相机，请手动输入下方的码'
  if (name === 'NotReadableError') return '相机正被其他应用占用，请关闭后重试，或手动输入下方的码'
  return '无法打开相机，请手动输入下方的码'
}

function overlay(): { root: HTMLElement; video: HTMLVideoElement; cancel: HTMLButtonElement } {
  const root = document.createElement('div')
  root.className = 'qr-scanner'
  root.setAttribute('role', 'dialog')
  root.setAttribute('aria-modal', 'true')
  root.setAttribute('aria-label', '扫描二维码')
  const video = document.createElement('video')
  video.className = 'qr-scanner-video'
  video.setAttribute('playsinline', '')
  video.muted = true
  const frame = document.createElement('div')
  frame.className = 'qr-scanner-frame'
  const hint = document.createElement('p')
  hint.className = 'qr-scanner-hint'
  hint.textContent = '将二维码放入框内，即可自动识别'
  const cancel = document.createElement('button')
  cancel.className = 'qr-scanner-cancel'
  cancel.type = 'button'
  cancel.textContent = '取消'
  root.append(video, frame, hint, cancel)
  document.body.appendChild(root)
  return { root, video, cancel }
}

/** The scanned text, or null when the user cancelled; throws with the reason in Chinese when the
 *  camera cannot be used. */
export async function scanQrCode(): Promise<string | null> {
  let stream: MediaStream
  try {
    stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false })
  } catch (e) {
    throw new Error(cameraProblem(e))
  }
  const { root, video, cancel } = overlay()
  const read = await createFrameReader(document.createElement('canvas'))
  return new Promise<string | null>((resolve) => {
    let done = false
    const finish = (text: string | null) => {
      if (done) return
      done = true
      stream.getTracks().forEach((t) => t.stop())
      root.remove()
      document.removeEventListener('keydown', onKey)
      resolve(text)
    }
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && finish(null)
    document.addEventListener('keydown', onKey)
    cancel.addEventListener('click', () => finish(null))
    cancel.focus()
    video.srcObject = stream
    void video.play().catch(() => undefined)
    const tick = async () => {
      if (done) return
      const text = await read(video).catch(() => null)
      if (text) finish(text)
      else setTimeout(() => void tick(), 150)
    }
    void tick()
  })
}
