// Which platform the app runs on, and where the API is.
export const isWeapp = process.env.TARO_ENV === 'weapp'

/** H5 is served by the API itself (same origin); the mini-program needs an absolute https URL. */
export const API_BASE: string = process.env.TARO_APP_API_BASE || (isWeapp ? 'http://127.0.0.1:3000' : '')

/** Subscribe-message templates the citizen is asked for when filing an objection (may be none). */
export const OBJECTION_TEMPLATE_IDS: string[] = (process.env.TARO_APP_OBJECTION_TEMPLATE_IDS || '').split(',').map((s) => s.trim()).filter(Boolean)
