// Words the account screens show for codes the API returns.

const ROLE_LABELS: Record<string, string> = {
  citizen: '市民',
  agent: '企业经办',
  verifier: '景区核验员',
  rental_partner: '租赁合作方',
  organizer: '公益组织者',
  officer: '信用办工作人员',
}

export const roleLabel = (role: string): string => ROLE_LABELS[role] ?? role

/** 上午好 / 中午好 / 下午好 / 晚上好 by the hour of the day. */
export function greeting(now: Date = new Date()): string {
  const h = now.getHours()
  if (h >= 5 && h < 11) return '上午好'
  if (h >= 11 && h < 13) return '中午好'
  if (h >= 13 && h < 18) return '下午好'
  return '晚上好'
}
