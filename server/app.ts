// Builds the Fastify app: error format, idempotency, routes, and (optionally) the built H5 app.
import fs from 'node:fs'
import path from 'node:path'
import fastifyStatic from '@fastify/static'
import type http from 'node:http'
import Fastify, { type FastifyHttpOptions } from 'fastify'
import { RevocationWatch } from './auth/revocation-watch'
import type { AppContext } from './context'
import { registerErrorHandling } from './http/errors'
import { frameworkErrorOptions } from './http/framework-errors'
import { registerIdempotency } from './http/idempotency'
import { registerInputGuard } from './http/input-guard'
import authRoutes from './routes/auth'
import calendarRoutes from './routes/calendar'
import commitmentRoutes from './routes/commitments'
import creditRoutes from './routes/credit'
import incentiveRoutes from './routes/incentives'
import staffRoutes from './routes/staff'
import healthRoutes from './routes/health'
import meRoutes from './routes/me'
import messageRoutes from './routes/messages'
import objectionRoutes from './routes/objections'
import dishonestyReportRoutes from './routes/dishonesty-reports'
import voluntaryRegistrationRoutes from './routes/voluntary-registrations'
import officerRoutes from './routes/officer'
import officerObligationRoutes from './routes/officer/obligations'
import officerRepairRoutes from './routes/officer/repairs'
import organizerRoutes from './routes/organizer'
import publicServiceRoutes from './routes/public-service'
import publicRoutes from './routes/public'
import repairRoutes from './routes/repairs'
import uploadRoutes from './routes/uploads'
import publicReportRoutes from './routes/public/reports'
import reportRoutes from './routes/reports'

/** A route as checks that must cover every route see it: method, path, and the statuses whose answers it declares. */
export interface RouteEntry {
  method: string
  url: string
  declaredAnswers: string[]
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: RouteEntry[]
  }
}

export async function buildApp(ctx: AppContext, opts: FastifyHttpOptions<http.Server> = {}) {
  const app = Fastify({
    logger: opts.logger ?? false,
    bodyLimit: 1024 * 1024,
    trustProxy: ctx.config.trustProxy,
    ...frameworkErrorOptions,
    // Full personal values never reach the log: no bodies, no query strings.
    ...opts,
  })
  const staticDir = ctx.config.staticDir && fs.existsSync(path.join(ctx.config.staticDir, 'index.html')) ? ctx.config.staticDir : undefined
  // The route table, for checks that must cover every route (tests iterate it).
  const routeTable: RouteEntry[] = []
  app.decorate('routeTable', routeTable)
  // Tokens found valid are kept in memory until any instance revokes something (auth/revocation-watch).
  const revocations = new RevocationWatch(ctx.db, ctx.dbUrl, (message) => app.log.warn(message))
  await revocations.start()
  app.addHook('onClose', () => revocations.stop())
  app.decorate('accessTokenRevocation', (token: { jti?: string; userId: string; familyId?: string }) => revocations.check(token))
  app.addHook('onRoute', (r) => {
    const declaredAnswers = Object.keys((r.schema?.response as object | undefined) ?? {})
    for (const method of [r.method].flat()) if (method !== 'HEAD') routeTable.push({ method, url: r.url, declaredAnswers })
  })
  registerErrorHandling(app, { spaFallback: Boolean(staticDir) })
  // The API speaks JSON only (multipart uploads get their own parser where needed).
  app.removeContentTypeParser('text/plain')
  registerInputGuard(app)
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
  await app.register(publicReportRoutes, ctx)
  await app.register(reportRoutes, ctx)
  await app.register(officerRoutes, ctx)
  await app.register(calendarRoutes, ctx)
  await app.register(uploadRoutes, ctx)
  await app.register(messageRoutes, ctx)
  await app.register(objectionRoutes, ctx)
  await app.register(repairRoutes, ctx)
  await app.register(officerRepairRoutes, ctx)
  await app.register(officerObligationRoutes, ctx)
  await app.register(dishonestyReportRoutes, ctx)
  await app.register(voluntaryRegistrationRoutes, ctx)
  await app.register(publicServiceRoutes, ctx)
  await app.register(organizerRoutes, ctx)
  if (staticDir) {
    await app.register(fastifyStatic, {
      root: staticDir,
      wildcard: false,
      // The H5 build writes .br and .gz copies of its text files (config/precompress.ts): sent to
      // browsers that accept them, never served under their own names.
      preCompressed: true,
      globIgnore: ['**/*.br', '**/*.gz'],
      // Our cache-control (below), not send's default `public, max-age=0`.
      cacheControl: false,
      setHeaders(res, file) {
        const name = file.replace(/\.(?:br|gz)$/, '')
        res.setHeader('cache-control', /\.[0-9a-f]{8,}\.(js|css)$/.test(name) ? 'public, max-age=31536000, immutable' : 'no-cache')
        if (/\.(?:js|css|html|svg|json)$/.test(name)) res.setHeader('vary', 'accept-encoding')
      },
    })
  }
  return app
}

