// Builds the Fastify app: error format, idempotency, routes, and (optionally) the built H5 app.
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import Fastify, { type FastifyServerOptions } from 'fastify'
import type { AppContext } from './context'
import { registerErrorHandling } from './http/errors'
import { registerIdempotency } from './http/idempotency'
import authRoutes from './routes/auth'
import commitmentRoutes from './routes/commitments'
import creditRoutes from './routes/credit'
import incentiveRoutes from './routes/incentives'
import staffRoutes from './routes/staff'
import healthRoutes from './routes/health'
import meRoutes from './routes/me'
import officerRoutes from './routes/officer'
import publicRoutes from './routes/public'

export async function buildApp(ctx: AppContext, opts: FastifyServerOptions = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    // Full personal values never reach the log: no bodies, no query strings.
    ...opts,
  })
  const staticDir = ctx.config.staticDir && fs.existsSync(path.join(ctx.config.staticDir, 'index.html')) ? ctx.config.staticDir : undefined
  registerErrorHandling(app, { spaFallback: Boolean(staticDir) })
  // The API speaks JSON only (multipart uploads get their own parser where needed).
  app.removeContentTypeParser('text/plain')
  registerIdempotency(app, ctx.db)
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff')
    if (!reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store')
    return payload
  })
  await app.register(healthRoutes, ctx)
  await app.register(authRoutes, ctx)
  await app.register(meRoutes, ctx)
  await app.register(creditRoutes, ctx)
  await app.register(incentiveRoutes, ctx)
  await app.register(staffRoutes, ctx)
  await app.register(commitmentRoutes, ctx)
  await app.register(publicRoutes, ctx)
  await app.register(officerRoutes, ctx)
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      setHeaders(res, file) {
        res.setHeader('cache-control', /\.[0-9a-f]{8,}\.(js|css)$/.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache')
      },
    })
  }
  return app
}

