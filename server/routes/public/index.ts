// /api/public/*: no login — the public list of enterprise commitments, receipt verification, and
// the red and black list lookup. Schemas: src/contract/public and src/contract/commitments.
import type { FastifyInstance } from 'fastify'
import { PublicCommitmentPage, ReceiptVerification } from '../../../src/contract/commitments'
import { ListHitPage, PublicCommitmentsQuery, PublicListsQuery, ReceiptParams } from '../../../src/contract/public'
import { validateUscc } from '../../../src/domain/uscc'
import type { AppContext } from '../../context'
import { listPublic, receipt } from '../../commitments/commitments'
import { chinaDate } from '../../../src/domain/dates'
import { searchPublicLists } from '../../lists/lists'
import { onContract } from '../../http/contract'
import { AppError } from '../../http/errors'
import { rateLimited } from '../../http/rate-limit'
import { PUBLIC_REQUESTS_PER_IP_PER_MINUTE } from '../../../src/domain/policy'

export default async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  const r = onContract(app, ctx)
  // No login here: each client address gets a budget, counted in the database across instances.
  r.addHook('onRequest', rateLimited(db, { bucket: 'public', limit: PUBLIC_REQUESTS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  r.get('/api/public/commitments', { schema: { querystring: PublicCommitmentsQuery, response: { 200: PublicCommitmentPage } } }, async (request) => {
    const q = request.query
    return listPublic(db, searchOf(q.q ?? ''), q.cursor)
  })

  r.get('/api/public/lists', { schema: { querystring: PublicListsQuery, response: { 200: ListHitPage } } }, async (request) => {
    const q = request.query
    return searchPublicLists(db, { list: q.list, ...searchOf(q.q ?? '') }, chinaDate(), q.cursor)
  })

  r.get('/api/public/receipts/:no', { schema: { params: ReceiptParams, response: { 200: ReceiptVerification } } }, async (request) => {
    const no = request.params.no
    if (!/^CP\d{8}[A-Z2-9]{8}$/.test(no)) {
      throw new AppError(404, 'RECEIPT_NOT_FOUND', `“${no.slice(0, 30)}”不是有效的回执编号格式（应为 CP 加 16 位字母数字），该编号不是信用通出具的回执`)
    }
    return receipt(db, no, request.ip)
  })
}

/** 18 letters and digits containing a digit is meant as a USCC: it must then be a valid one. */
function searchOf(term: string): { uscc: string } | { name: string | undefined } {
  if (!(/^[0-9A-Za-z]{18}$/.test(term) && /\d/.test(term))) return { name: term || undefined }
  const uscc = validateUscc(term)
  if (!uscc.ok) throw new AppError(400, 'INVALID_USCC', uscc.message)
  return { uscc: uscc.value }
}
