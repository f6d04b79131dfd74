// H5 build of Icon (Taro picks index.h5.tsx over index.tsx there): a plain <img>. Taro's Image
// is a web component that renders and sizes its own inner image once its script has run, which
// the home page's fifteen icons paid for in main-thread time on a slow phone. Same look: the
// class gives the size, object-fit the aspectFit placement. Decorative, as in index.tsx.
import './index.scss'

export default function Icon({ src, className }: { src: string; className?: string }) {
  return <img className={className ? `icon ${className}` : 'icon'} src={src} alt='' aria-hidden='true' />
}
