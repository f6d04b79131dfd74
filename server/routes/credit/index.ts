// /api/credit/*: the acting subject's overview (score, level, factors, lists), records and history.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { creditStanding, getRecord, listRecords, MAX_PAGE_SIZE, PAGE_SIZE } from '../../credit/records'
import { actingSubject, requireAuth } from '../../http/auth'
import { recordObjection } from '../../objections/queries'
import { parse } from '../../http/validate'

const STATUSES = ['公示中', '异议中', '已更正', '已撤销', '已修复', '已到期'] as const

const listQuery = z.object({
  cursor: z.string().max(200, { error: '分页参数无效，请刷新列表' }).optional(),
  kind: z.string().max(20, { error: '记录类别不正确' }).optional(),
  status: z.enum(STATUSES, { error: '记录状态不正确' }).optional(),
  polarity: z.enum(['positive', 'negative'], { error: '记录性质不正确' }).optional(),
  limit: z.coerce.number({ error: '每页条数不正确' }).int({ error: '每页条数不正确' }).min(1, { error: '每页条数不正确' }).max(MAX_PAGE_SIZE, { error: `每页最多 ${MAX_PAGE_SIZE} 条` }).optional(),
})

export default async function creditRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/credit/overview', async (request) => {
    const subject = await actingSubject(db, request)
    const today = chinaDate()
    const { records, counted, result, redList, blackList } = await creditStanding(db, subject.id, today)
    const byId = new Map(records.map((r) => [r.id, r]))
    const totals = await db
      .selectFrom('credit_records')
      .select(['polarity', (eb) => eb.fn.countAll<string>().as('n')])
      .where('subject_id', '=', subject.id)
      .groupBy('polarity')
      .execute()
    return {
      subject: { kind: subject.kind, name: subject.kind === 'enterprise' ? subject.name : null, relation: subject.relation },
      asOf: today,
      score: result.score,
      level: result.level,
      base: result.base,
      factors: result.factors.map((f) => {
        const r = byId.get(f.recordId)!
        return { ...f, record: { id: r.id, title: r.title, documentNo: r.documentNo, department: r.department, publicityEnd: r.publicityEnd } }
      }),
      suspended: result.excluded.map((e) => ({ ...e, title: byId.get(e.recordId)?.title ?? '' })),
      redList,
      blackList,
      counts: {
        positive: Number(totals.find((t) => t.polarity === 'positive')?.n ?? 0),
        negative: Number(totals.find((t) => t.polarity === 'negative')?.n ?? 0),
        inPublicity: counted.length,
      },
    }
  })

  app.get('/api/credit/records', async (request) => {
    const subject = await actingSubject(db, request)
    const q = parse(listQuery, request.query)
    return listRecords(db, subject.id, q, q.cursor, q.limit ?? PAGE_SIZE)
  })

  app.get('/api/credit/records/:id', async (request) => {
    const subject = await actingSubject(db, request)
    const { id } = request.params as { id: string }
    const record = await getRecord(db, subject.id, id)
    return { ...record, objection: await recordObjection(db, subject.id, id) }
  })

  app.get('/api/credit/score-history', async (request) => {
    const subject = await actingSubject(db, request)
    const rows = await db
      .selectFrom('score_snapshots')
      .select(['month', 'score', 'level'])
      .where('subject_id', '=', subject.id)
      .orderBy('month', 'desc')
      .limit(12)
      .execute()
    return { items: rows.reverse() }
  })
}
