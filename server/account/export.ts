// 个人信息副本 (PIPL Art. 45): everything the platform holds about the caller, as one JSON document.
// Identifiers are masked as everywhere in the app; people other than the caller appear only as
// already masked (readers in the access log) or as organisations.
import type { Kysely } from 'kysely'
import { chinaDateTime } from '../../src/domain/dates'
import { maskIdNumber, maskPhone } from '../../src/domain/mask'
import type { Database } from '../db/schema'
import { notFound } from '../http/errors'

const at = (d: Date | string | null) => (d ? chinaDateTime(new Date(d)) : null)

export async function exportPersonalData(db: Kysely<Database>, userId: string, now: Date) {
  const user = await db.selectFrom('users').selectAll().where('id', '=', userId).where('deleted_at', 'is', null).executeTakeFirst()
  if (!user) throw notFound('账号')
  const subject = user.subject_id ? await db.selectFrom('subjects').select(['id', 'name', 'identifier']).where('id', '=', user.subject_id).executeTakeFirst() : undefined
  const sid = subject?.id ?? ''
  const enterprises = await db
    .selectFrom('agent_bindings as b')
    .innerJoin('subjects as e', 'e.id', 'b.subject_id')
    .select(['e.name', 'e.identifier', 'b.role', 'b.created_at'])
    .where('b.user_id', '=', userId)
    .execute()
  const records = await db.selectFrom('credit_records').selectAll().where('subject_id', '=', sid).orderBy('decision_date', 'desc').execute()
  const vouchers = await db.selectFrom('vouchers as v').innerJoin('incentives as i', 'i.id', 'v.incentive_id').select(['i.name', 'v.benefit', 'v.visit_date', 'v.status', 'v.used_at', 'v.used_place', 'v.created_at']).where('v.subject_id', '=', sid).execute()
  const grants = await db.selectFrom('rental_grants as g').innerJoin('incentives as i', 'i.id', 'g.incentive_id').select(['i.name', 'i.provider', 'g.valid_until', 'g.status', 'g.created_at']).where('g.subject_id', '=', sid).execute()
  const authorizations = await db.selectFrom('authorizations as a').innerJoin('incentives as i', 'i.id', 'a.incentive_id').select(['i.provider', 'a.scope', 'a.created_at', 'a.expires_at', 'a.revoked_at']).where('a.subject_id', '=', sid).execute()
  const commitments = await db.selectFrom('commitments').select(['receipt_no', 'template_id', 'template_version', 'status', 'signed_at', 'signer_relation']).where('signer_user_id', '=', userId).execute()
  const accessLog = await db.selectFrom('access_log').select(['at', 'reader', 'purpose']).where('subject_id', '=', sid).orderBy('at', 'desc').limit(1000).execute()
  return {
    title: '信用通 个人信息副本',
    exportedAt: at(now),
    note: '依据《个人信息保护法》第四十五条提供。身份证号、手机号按平台规则脱敏；他人信息（查询人）只显示机构名称或已脱敏的姓名。',
    account: {
      phone: user.phone ? maskPhone(user.phone) : null,
      wechatBound: Boolean(user.wechat_openid),
      registeredAt: at(user.created_at),
      roles: user.roles,
      realName: subject ? { name: subject.name, idNumber: maskIdNumber(subject.identifier) } : null,
    },
    enterprises: enterprises.map((e) => ({ name: e.name, uscc: e.identifier, role: e.role, since: at(e.created_at) })),
    creditRecords: records.map((r) => ({
      title: r.title, department: r.department, polarity: r.polarity, status: r.status, decisionDate: r.decision_date, documentNo: r.document_no,
    })),
    vouchers: vouchers.map((v) => ({ spot: v.name, benefit: v.benefit, visitDate: v.visit_date, status: v.status, usedAt: at(v.used_at), usedPlace: v.used_place, claimedAt: at(v.created_at) })),
    rentalGrants: grants.map((g) => ({ name: g.name, partner: g.provider, validUntil: g.valid_until, status: g.status, createdAt: at(g.created_at) })),
    authorizations: authorizations.map((a) => ({ partner: a.provider, scope: a.scope, createdAt: at(a.created_at), expiresAt: at(a.expires_at), revokedAt: at(a.revoked_at) })),
    commitments: commitments.map((c) => ({ receiptNo: c.receipt_no, template: `${c.template_id} v${c.template_version}`, signedAs: c.signer_relation, status: c.status, signedAt: at(c.signed_at) })),
    accessLog: accessLog.map((l) => ({ at: at(l.at), reader: l.reader, purpose: l.purpose })),
  }
}
