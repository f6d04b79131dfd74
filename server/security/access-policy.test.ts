// How a route finds its access policy: the longest prefix at a path-segment boundary, a key naming
// the method before one that does not, nothing for a prefix no entry covers.
import assert from 'node:assert/strict'
import { describe, it } from 'node:test'
import { policyFor } from './access-policy'

const policy = {
  '/api/public': { public: true as const },
  '/api/me': { signedIn: true as const, subject: false },
  '/api/me/access-log': { signedIn: true as const, subject: true },
  'POST /api/me': { roles: ['officer'] },
}

describe('access policy lookup', () => {
  it('the longest prefix wins, only at a segment boundary, and a method-specific key before a general one', () => {
    assert.equal(policyFor('GET', '/api/public/lists', policy)?.key, '/api/public')
    assert.equal(policyFor('GET', '/api/public-service/tasks', policy), undefined)
    assert.equal(policyFor('GET', '/api/me', policy)?.key, '/api/me')
    assert.equal(policyFor('POST', '/api/me/deletion', policy)?.key, 'POST /api/me')
    assert.equal(policyFor('GET', '/api/me/access-log', policy)?.key, '/api/me/access-log')
    assert.equal(policyFor('GET', '/api/messages', policy), undefined)
  })
})
