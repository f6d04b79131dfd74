// /api/public/*: no login — the public list of enterprise commitments, receipt verification, and
// the red and black list lookup.
import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { validateUscc } from '../../../src/domain/uscc'
import type { AppContext } from '../../context'
import { listPublic, receipt } from '../../commitments/commitments'
import { chinaDate } from '../../../src/domain/dates'
import { searchPublicLists } from '../../lists/lists'
import { AppError } from '../../http/errors'
import { rateLimited } from '../../http/rate-limit'
import { parse } from '../../http/validate'
import { PUBLIC_REQUESTS_PER_IP_PER_MINUTE } from '../../../src/domain/policy'

export default async function publicRoutes(app: FastifyInstance, ctx: AppContext) {
  const { db } = ctx
  // No login here: each client address gets a budget, counted in the database across instances.
  app.addHook('onRequest', rateLimited(db, { bucket: 'public', limit: PUBLIC_REQUESTS_PER_IP_PER_MINUTE, windowSeconds: 60 }))

  app.get('/api/public/commitments', async (request) => {
    const q = parse(
      z.object({
        q: z.string().trim().max(50, { error: '搜索内容不能超过 50 个字' }).optional(),
        cursor: z.string().max(300, { error: '分页参数无效，请刷新列表' }).optional(),
      }),
      request.query,
    )
    const term = q.q ?? ''
    if (looksLikeUscc(term)) {
      const uscc = validateUscc(term)
      if (!uscc.ok) throw new AppError(400, 'INVALID_USCC', uscc.message)
      return listPublic(db, { uscc: uscc.value }, q.cursor)
    }
    return listPublic(db, { name: term || undefined }, q.cursor)
  })

  app.get('/api/public/lists', async (request) => {
    const q = parse(
      z.object({
        list: z.enum(['red', 'black'], { error: '请选择名单：red（红名单）或 black（严重失信主体名单）' }),
        q: z.string().trim().max(50, { error: '搜索内容不能超过 50 个字' }).optional(),
        cursor: z.string().max(300, { error: '分页参数无效，请刷新列表' }).optional(),
      }),
      request.query,
    )
    const term = q.q ?? ''
    if (looksLikeUscc(term)) {
      const uscc = validateUscc(term)
      if (!uscc.ok) throw new AppError(400, 'INVALID_USCC', uscc.message)
      return searchPublicLists(db, { list: q.list, uscc: uscc.value }, chinaDate(), q.cursor)
    }
    return searchPublicLists(db, { list: q.list, name: term || undefined }, chinaDate(), q.cursor)
  })

  app.get('/api/public/receipts/:no', async (request) => {
    const no = (request.params as { no: string }).no.trim().toUpperCase()
    if (!/^CP\d{8}[A-Z2-9]{8}$/.test(no)) {
      throw new AppError(404, 'RECEIPT_NOT_FOUND', `“${no.slice(0, 30)}”不是有效的回执编号格式（应为 CP 加 16 位字母数字），该编号不是信用通出具的回执`)
    }
    return receipt(db, no, request.ip)
  })
}

/** 18 letters and digits containing a digit is meant as a USCC: it must then be a valid one. */
const looksLikeUscc = (term: string) => /^[0-9A-Za-z]{18}$/.test(term) && /\d/.test(term)
