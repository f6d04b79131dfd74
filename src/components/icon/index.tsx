// A decorative SVG icon (an image file, so it works in the mini-program and on H5). Its meaning
// is always carried by the text beside it, so screen readers skip it.
import { Image } from '@tarojs/components'

export default function Icon({ src, className }: { src: string; className?: string }) {
  return <Image className={className} src={src} mode='aspectFit' nativeProps={{ alt: '', 'aria-hidden': 'true' }} />
}
