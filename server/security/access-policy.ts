// Who may call which API route, by path prefix: the expectations of the authorisation matrix
// (authorization-matrix.test.ts), which sends every route of the server's route table as every kind
// of caller. A route that no entry covers fails that test — add an entry here when you add a prefix.
//
// Keys are a path prefix ('/api/credit' covers /api/credit and /api/credit/…, not /api/creditx),
// optionally preceded by a method ('POST /api/auth/logout'). The longest matching key wins; with
// equal length a key naming the method wins.

export type Access =
  /** anyone, without a token (rate-limited per address instead) */
  | { public: true }
  /** any live account; `subject`: it acts for the caller's subject — their own, or the enterprise
   * named in X-Subject they are bound to — so another subject's ids answer 404 and none of another
   * subject's data is ever in the answer */
  | { signedIn: true; subject: boolean }
  /** staff: only accounts holding one of these roles; everybody else 401 (no token) or 403.
   * `departmentScope`: officers' cases — an officer of a department the case does not concern gets
   * 404 for it (exactly as for a case that does not exist) and never finds it in a queue */
  | { roles: string[]; departmentScope?: boolean }

export const accessPolicy: Record<string, Access> = {
  '/api/health': { public: true },
  '/api/auth': { public: true },
  'POST /api/auth/logout': { signedIn: true, subject: false },
  '/api/public': { public: true },

  // The account itself (profile, export, deletion, real-name binding): never an enterprise's.
  '/api/me': { signedIn: true, subject: false },
  '/api/me/access-log': { signedIn: true, subject: true },
  '/api/me/authorizations': { signedIn: true, subject: true },
  '/api/me/counter-passes': { signedIn: true, subject: true },

  '/api/credit': { signedIn: true, subject: true },
  '/api/incentives': { signedIn: true, subject: true },
  '/api/vouchers': { signedIn: true, subject: true },
  '/api/grants': { signedIn: true, subject: true },
  '/api/reports': { signedIn: true, subject: true },
  '/api/objections': { signedIn: true, subject: true },
  '/api/commitments': { signedIn: true, subject: true },
  // the catalogue of templates: the same for every subject of an audience (person / enterprise)
  '/api/commitments/templates': { signedIn: true, subject: false },
  '/api/messages': { signedIn: true, subject: true },
  '/api/uploads': { signedIn: true, subject: true },
  // 公益服务 (tasks, bookings, check-in, hours), 信用修复, 失信举报, 自愿注册: a subject's own cases
  '/api/public-service': { signedIn: true, subject: true },
  '/api/repairs': { signedIn: true, subject: true },
  '/api/dishonesty-reports': { signedIn: true, subject: true },
  '/api/voluntary-registrations': { signedIn: true, subject: true },

  '/api/officer': { roles: ['officer'] },
  // The credit authority sees every case; the department that made the record (or got the case
  // transferred) sees its own; an officer of any other department none (server/officers/scope.ts).
  '/api/officer/objections': { roles: ['officer'], departmentScope: true },
  '/api/officer/repairs': { roles: ['officer'], departmentScope: true },
  '/api/officer/dishonesty-reports': { roles: ['officer'], departmentScope: true },
  '/api/officer/voluntary-registrations': { roles: ['officer'], departmentScope: true },
  '/api/organizer': { roles: ['organizer'] },
  '/api/staff/vouchers': { roles: ['verifier'] },
  // 信易阅/信易医 counters, and 信用办 officers for 绿色通道
  '/api/staff/counter-passes': { roles: ['counter', 'officer'] },
  '/api/partner': { roles: ['rental_partner'] },
}

const covers = (prefix: string, url: string) => url === prefix || url.startsWith(prefix.endsWith('/') ? prefix : `${prefix}/`)

/** The policy of a route, and the key it came from; undefined when no entry covers it. */
export function policyFor(method: string, url: string, policy = accessPolicy): { key: string; access: Access } | undefined {
  let best: { key: string; access: Access; rank: number } | undefined
  for (const [key, access] of Object.entries(policy)) {
    const [m, prefix] = key.includes(' ') ? key.split(' ', 2) : [undefined, key]
    if (m && m !== method) continue
    if (!covers(prefix, url)) continue
    const rank = prefix.length * 2 + (m ? 1 : 0)
    if (!best || rank > best.rank) best = { key, access, rank }
  }
  return best && { key: best.key, access: best.access }
}
