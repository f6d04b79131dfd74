// The scheduled jobs: each names its schedule (cron, China time) and a handler that calls a use
// case. Handlers are idempotent — a second run on the same day changes nothing and sends nothing —
// so a retry after a crash is harmless. runJob runs one handler directly (tests, `--once`).
import { chinaDate } from '../../src/domain/dates'
import type { AppContext } from '../context'
import { snapshotScores } from '../credit/snapshots'
import { remindDeadlines } from '../deadlines/deadlines'
import { expireIncentives } from '../incentives/expiry'
import { deliverPending } from '../messages/deliver'
import { expireRecords } from '../records/expiry'
import { sendRepairableNotices } from '../repairs/notices'
import { purgeExpiredRevokedTokens } from '../auth/revoked-tokens'
import { purgeExpiredIdempotencyKeys } from '../http/idempotency'
import { purgeExpiredRateLimits } from '../http/rate-limit'
import { purgeUnattachedUploads } from '../uploads/uploads'

export const JOB_TIME_ZONE = 'Asia/Shanghai'

export interface JobDefinition {
  /** minute hour day month weekday, in China time */
  cron: string
  description: string
  run(ctx: AppContext, now: Date): Promise<object>
}

export const JOBS = {
  // Just after midnight: a record public through yesterday is 已到期 from today.
  'record-expiry': {
    cron: '5 0 * * *',
    description: '公示期届满的信用记录转为“已到期”，并通知信用主体',
    run: (ctx, now) => expireRecords(ctx.db, ctx.config.messageTemplates, chinaDate(now)),
  },
  // After the expiry run, in the morning: a record repairable from today is told so today.
  'repair-notices': {
    cron: '0 8 * * *',
    description: '失信记录到达可修复日期当天，告知信用主体可以申请信用修复（每条记录一次）',
    run: (ctx, now) => sendRepairableNotices(ctx.db, ctx.config.messageTemplates, chinaDate(now)),
  },
  'incentive-expiry': {
    cron: '10 0 * * *',
    description: '过期的信易游卡券、信易租免押资格和查验授权',
    run: (ctx, now) => expireIncentives(ctx.db, ctx.config.messageTemplates, chinaDate(now), now),
  },
  // Late in the day, so the month's last run leaves the month's final score.
  'score-snapshot': {
    cron: '55 23 * * *',
    description: '每个信用主体本月的信用分快照（月度历史）',
    run: (ctx, now) => snapshotScores(ctx.db, chinaDate(now)),
  },
  'deadline-reminders': {
    cron: '30 8 * * *',
    description: '办理期限前一个工作日提醒，逾期标记并通知',
    run: (ctx, now) => remindDeadlines(ctx.db, ctx.config.messageTemplates, chinaDate(now)),
  },
  'message-deliveries': {
    cron: '* * * * *',
    description: '发送待发送的微信订阅消息和短信通知',
    run: (ctx) => deliverPending(ctx.db, { subscribe: ctx.subscribe, sms: ctx.sms }),
  },
  // What only has to live for a while: replay keys (24 h), rate-limit counters, revoked token ids
  // until their expiry, and uploads never attached to a case.
  housekeeping: {
    cron: '17 * * * *',
    description: '清理过期的幂等键、限流计数、已吊销令牌记录和未附到申请的上传文件',
    run: async (ctx, now) => ({
      idempotencyKeys: await purgeExpiredIdempotencyKeys(ctx.db, now),
      rateLimits: await purgeExpiredRateLimits(ctx.db, now),
      revokedTokens: await purgeExpiredRevokedTokens(ctx.db, now),
      uploads: await purgeUnattachedUploads(ctx.db, ctx.storage, now),
    }),
  },
} satisfies Record<string, JobDefinition>

export type JobName = keyof typeof JOBS
export const JOB_NAMES = Object.keys(JOBS) as JobName[]

export function isJobName(name: string): name is JobName {
  return Object.hasOwn(JOBS, name)
}

export function runJob(ctx: AppContext, name: JobName, now = new Date()): Promise<object> {
  return JOBS[name].run(ctx, now)
}
