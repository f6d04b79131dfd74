// /api/credit/*: the acting subject's overview (score, level, factors, lists), records and history.
// Requests and answers: src/contract/credit.ts.
import type { FastifyInstance } from 'fastify'
import { RecordParams, RecordsQuery, RECORDS_PAGE_SIZE, type CreditOverview, type CreditRecordDetail, type ScoreHistory } from '../../../src/contract/credit'
import type { Page } from '../../../src/contract/common'
import type { CreditRecord } from '../../../src/contract/credit'
import { chinaDate } from '../../../src/domain/dates'
import type { AppContext } from '../../context'
import { creditOverview, scoreHistory } from '../../credit/overview'
import { getRecord, listRecords } from '../../credit/records'
import { actingSubject, requireAuth } from '../../http/auth'
import { recordObjection } from '../../objections/queries'
import { parse } from '../../http/validate'

export default async function creditRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  app.addHook('onRequest', requireAuth(ctx.config.jwtSecret))

  app.get('/api/credit/overview', async (request): Promise<CreditOverview> => creditOverview(db, await actingSubject(db, request), chinaDate()))

  app.get('/api/credit/records', async (request): Promise<Page<CreditRecord>> => {
    const subject = await actingSubject(db, request)
    const q = parse(RecordsQuery, request.query)
    return listRecords(db, subject.id, q, q.cursor, q.limit ?? RECORDS_PAGE_SIZE)
  })

  app.get('/api/credit/records/:id', async (request): Promise<CreditRecordDetail> => {
    const subject = await actingSubject(db, request)
    const { id } = parse(RecordParams, request.params)
    const record = await getRecord(db, subject.id, id)
    return { ...record, objection: await recordObjection(db, subject.id, id) }
  })

  app.get('/api/credit/score-history', async (request): Promise<ScoreHistory> => scoreHistory(db, (await actingSubject(db, request)).id))
}
