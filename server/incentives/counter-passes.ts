// Proofs shown at a counter (信易阅, 信易医, 绿色通道 / 容缺受理): the holder's phone shows a code and
// the 6 digits of the current 30-s window (the voucher mechanism); the counter checks them, sees
// whether the holder qualifies now, and the check is written to the holder's access log.
import crypto from 'node:crypto'
import type { Kysely } from 'kysely'
import { checkEligibility, greenChannel, type CreditStanding, type Eligibility } from '../../src/domain/eligibility'
import { holderForCheck } from '../../src/domain/mask'
import { ROTATING_CODE_PERIOD_S } from '../../src/domain/policy'
import { checkRotating } from '../../src/domain/rotating-code'
import { creditStanding } from '../credit/records'
import type { Database } from '../db/schema'
import { AppError } from '../http/errors'
import { loadIncentive, ruleOf } from './catalog'
import { checkCode, itemSecret, newCode, splitPassInput } from './codes'

export const GREEN_CHANNEL = 'green-channel'
/** incentives used in person, and 绿色通道: the kinds a pass may be for */
export const PASS_KINDS = ['reading-library', 'medical-first', GREEN_CHANNEL] as const
export type PassKind = (typeof PASS_KINDS)[number]

async function titleOf(db: Kysely<Database>, kind: PassKind): Promise<string> {
  return kind === GREEN_CHANNEL ? '绿色通道 / 容缺受理' : (await loadIncentive(db, kind)).name
}

/** Whether the subject qualifies for `kind` now, by the same rules as the catalog. */
async function qualifies(db: Kysely<Database>, subject: { id: string; kind: 'person' | 'enterprise' }, kind: PassKind, today: string): Promise<Eligibility & { level: string }> {
  const credit = await creditStanding(db, subject.id, today)
  const standing: CreditStanding = { ...credit.standing, subjectKind: subject.kind }
  if (kind === GREEN_CHANNEL) {
    const negatives = await db.selectFrom('credit_records').select(['decision_date', 'status']).where('subject_id', '=', subject.id).where('polarity', '=', 'negative').execute()
    return { ...greenChannel(standing, negatives.map((n) => ({ decisionDate: n.decision_date, status: n.status })), today), level: credit.result.level }
  }
  return { ...checkEligibility(ruleOf(await loadIncentive(db, kind)), standing), level: credit.result.level }
}

/** The holder's pass for `kind` (made on first use, the same one afterwards), with its secret. */
export async function ownPass(
  db: Kysely<Database>,
  secret: Uint8Array,
  input: { subject: { id: string; kind: 'person' | 'enterprise' }; kind: PassKind; today: string; now: Date },
) {
  const { subject, kind } = input
  const title = await titleOf(db, kind)
  // Concurrent first opens make one pass: the unique (subject, kind) keeps the first.
  await db
    .insertInto('counter_passes')
    .values({ id: crypto.randomUUID(), code: newCode(secret, 'counter'), subject_id: subject.id, kind })
    .onConflict((oc) => oc.columns(['subject_id', 'kind']).doNothing())
    .execute()
  const row = await db.selectFrom('counter_passes').select(['id', 'code']).where('subject_id', '=', subject.id).where('kind', '=', kind).executeTakeFirstOrThrow()
  const { eligible, reasons } = await qualifies(db, subject, kind, input.today)
  return {
    kind, title, code: row.code, eligible, reasons,
    pass: { secret: Buffer.from(itemSecret(secret, 'counter-pass', row.id)).toString('base64url'), period: ROTATING_CODE_PERIOD_S, serverTime: input.now.toISOString() },
  }
}

/** The kinds a staff member may check: their sites' incentives, and 绿色通道 for 信用办 officers. */
export async function kindsFor(db: Kysely<Database>, user: { id: string; roles: string[] }): Promise<PassKind[]> {
  const sites = user.roles.includes('counter') ? await db.selectFrom('staff_sites').select('incentive_id').where('user_id', '=', user.id).execute() : []
  const kinds: PassKind[] = PASS_KINDS.filter((k) => sites.some((s) => s.incentive_id === k))
  if (user.roles.includes('officer')) kinds.push(GREEN_CHANNEL)
  return kinds
}

export async function checkPass(
  db: Kysely<Database>,
  secret: Uint8Array,
  input: { code: string; staff: { id: string; roles: string[]; orgName: string | null }; today: string; now: Date },
) {
  const kinds = await kindsFor(db, input.staff)
  if (kinds.length === 0) throw new AppError(403, 'FORBIDDEN', '当前账号没有查验核验码的权限')
  const given = splitPassInput(input.code)
  const code = checkCode(secret, 'counter', given.code)
  const row = code ? await db.selectFrom('counter_passes').selectAll().where('code', '=', code).executeTakeFirst() : undefined
  if (!row) throw new AppError(400, 'PASS_FORGED', '无效的核验码：可能输入有误或系伪造，请核对后重试')
  const kind = row.kind as PassKind
  const title = await titleOf(db, kind)
  if (!kinds.includes(kind)) {
    const mine = await Promise.all(kinds.map((k) => titleOf(db, k)))
    throw new AppError(422, 'PASS_WRONG_KIND', `这是“${title}”的核验码，本窗口只能查验：${mine.join('、')}`)
  }
  if (!given.digits) throw new AppError(400, 'PASS_REQUIRED', '请扫描对方手机上的动态二维码，或输入核验码及其下方的 6 位动态码')
  const rotating = checkRotating(itemSecret(secret, 'counter-pass', row.id), given.digits, input.now)
  if (rotating === 'expired') throw new AppError(409, 'PASS_EXPIRED', '核验码已过期，请让对方刷新（截图无效，请出示手机上实时显示的核验码）')
  if (rotating === 'wrong') throw new AppError(400, 'PASS_INVALID', '动态码不正确，请核对后重试，或让对方刷新核验码')

  const subject = await db.selectFrom('subjects').select(['id', 'kind', 'name', 'identifier']).where('id', '=', row.subject_id).executeTakeFirstOrThrow()
  const result = await qualifies(db, subject, kind, input.today)
  const reader = input.staff.orgName ?? '服务窗口'
  await db
    .insertInto('access_log')
    .values({ id: crypto.randomUUID(), subject_id: subject.id, at: input.now.toISOString(), reader, reader_kind: input.staff.roles.includes('officer') ? 'officer' : 'partner', purpose: `${title}资格核验` })
    .execute()
  // An enterprise's name is public; a person is shown as staff compare them with an ID card.
  const holder = subject.kind === 'person' ? holderForCheck(subject.name, subject.identifier) : { name: subject.name, idLast4: null }
  return { kind, title, holder: holder.name, holderIdLast4: holder.idLast4, eligible: result.eligible, reasons: result.reasons, level: result.level, checkedAt: input.now.toISOString() }
}
