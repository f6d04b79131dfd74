// What a failed check is called, by the server's error code; the server's own message says the rest.
const VERIFY_TITLES: Record<string, string> = {
  VOUCHER_USED: '卡券已被使用',
  VOUCHER_FORGED: '无效卡券',
  VOUCHER_WRONG_SPOT: '非本景区卡券',
  VOUCHER_WRONG_DATE: '未到使用日期',
  VOUCHER_EXPIRED: '卡券已过期',
  VOUCHER_REVOKED: '卡券已作废',
  PASS_EXPIRED: '二维码已过期',
  PASS_INVALID: '动态码不正确',
  PASS_REQUIRED: '缺少动态码',
  FORBIDDEN: '无核销权限',
}
export const verifyFailureTitle = (code: string): string => VERIFY_TITLES[code] ?? '核销未完成'

const PASS_TITLES: Record<string, string> = {
  PASS_EXPIRED: '核验码已过期',
  PASS_INVALID: '动态码不正确',
  PASS_REQUIRED: '缺少动态码',
  PASS_FORGED: '无效的核验码',
  PASS_WRONG_KIND: '非本窗口核验码',
  FORBIDDEN: '无查验权限',
}
export const passFailureTitle = (code: string): string => PASS_TITLES[code] ?? '查验未完成'

const GRANT_TITLES: Record<string, string> = {
  NOT_AUTHORIZED: '用户未授权查验',
  GRANT_CODE_INVALID: '无效的资格码',
  NOT_FOUND: '未找到免押资格',
  FORBIDDEN: '无查验权限',
}
export const grantFailureTitle = (code: string): string => GRANT_TITLES[code] ?? '查验未完成'
