// /api/credit/*: the acting subject's overview (score, level, factors, lists), records and history.
// Requests and answers: src/contract/credit.ts.
import type { FastifyInstance } from 'fastify'
import { CreditOverview, CreditRecordDetail, RecordParams, RecordsPage, RecordsQuery, RECORDS_PAGE_SIZE, ScoreHistory } from '../../../src/contract/credit'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { creditOverview, scoreHistory } from '../../credit/overview'
import { getRecord, listRecords } from '../../credit/records'
import { actingSubject, requireAuth } from '../../http/auth'
import { onContract } from '../../http/contract'
import { recordObjection } from '../../objections/queries'

export default async function creditRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  r.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  r.get('/api/credit/overview', { schema: { response: { 200: CreditOverview } } }, async (request) => creditOverview(db, await actingSubject(db, request), chinaDate()))

  r.get('/api/credit/records', { schema: { querystring: RecordsQuery, response: { 200: RecordsPage } } }, async (request) => {
    const subject = await actingSubject(db, request)
    const q = request.query
    return listRecords(db, subject.id, q, q.cursor, q.limit ?? RECORDS_PAGE_SIZE)
  })

  r.get('/api/credit/records/:id', { schema: { params: RecordParams, response: { 200: CreditRecordDetail } } }, async (request) => {
    const subject = await actingSubject(db, request)
    const { id } = request.params
    const record = await getRecord(db, subject.id, id)
    return { ...record, objection: await recordObjection(db, subject.id, id) }
  })

  r.get('/api/credit/score-history', { schema: { response: { 200: ScoreHistory } } }, async (request) => scoreHistory(db, (await actingSubject(db, request)).id))
}
