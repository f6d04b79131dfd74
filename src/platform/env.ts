// Which platform the app runs on, and where the API is.
export const isWeapp = process.env.TARO_ENV === 'weapp'

/** H5 is served by the API itself (same origin); the mini-program needs an absolute https URL. */
export const API_BASE: string = process.env.TARO_APP_API_BASE || (isWeapp ? 'http://127.0.0.1:3000' : '')
