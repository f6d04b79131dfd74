// Words, tones and icons the 守信激励 screens show for the codes the API returns. Status is always
// a coloured tag *with* its words (STYLE: status by colour and words).
import medicalIcon from '../../assets/icons/medical.svg'
import readingIcon from '../../assets/icons/reading.svg'
import rentalIcon from '../../assets/icons/rental.svg'
import travelIcon from '../../assets/icons/travel.svg'
import type { Authorization, Grant, IncentiveCategory, VoucherStatus } from '../../services/incentives-api'

/** The catalog's filter tabs: 全部 / 游 / 租 / 阅 / 医. */
export const CATEGORY_TABS: { key: IncentiveCategory | 'all'; label: string; full: string }[] = [
  { key: 'all', label: '全部', full: '全部激励' },
  { key: 'travel', label: '游', full: '信易游' },
  { key: 'rental', label: '租', full: '信易租' },
  { key: 'reading', label: '阅', full: '信易阅' },
  { key: 'medical', label: '医', full: '信易医' },
]

const CATEGORY_ICONS: Record<IncentiveCategory, string> = { travel: travelIcon, rental: rentalIcon, reading: readingIcon, medical: medicalIcon }
export const categoryIcon = (c: IncentiveCategory): string => CATEGORY_ICONS[c] ?? travelIcon

/** tag class of app.scss: tag-ok / tag-warn / tag-muted / tag-accent */
export type Tone = 'ok' | 'warn' | 'muted' | 'accent'

const VOUCHER_TONES: Record<VoucherStatus, Tone> = { available: 'ok', used: 'accent', expired: 'muted', revoked: 'warn' }
export const voucherTone = (s: VoucherStatus): Tone => VOUCHER_TONES[s] ?? 'muted'

const GRANT_TONES: Record<Grant['status'], Tone> = { active: 'ok', expired: 'muted', revoked: 'warn' }
export const grantTone = (s: Grant['status']): Tone => GRANT_TONES[s] ?? 'muted'

const AUTH_TONES: Record<Authorization['status'], Tone> = { active: 'ok', expired: 'muted', revoked: 'warn' }
export const authorizationTone = (s: Authorization['status']): Tone => AUTH_TONES[s] ?? 'muted'

/** How long a partner may check a grant: the choices offered (days, within AUTHORIZATION_MAX_DAYS). */
export const AUTHORIZATION_DURATIONS: { days: number; label: string }[] = [
  { days: 1, label: '1 天（仅本次办理）' },
  { days: 7, label: '7 天' },
  { days: 30, label: '30 天' },
  { days: 90, label: '90 天' },
  { days: 365, label: '1 年' },
]
