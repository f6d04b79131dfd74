// H5-only styles, picked by Taro's platform file resolution instead of platform.ts.
import './h5.scss'
