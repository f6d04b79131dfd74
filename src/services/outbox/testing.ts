// A transport for tests: every send and upload is recorded and answered by the script the test
// gives (or succeeds with `{ id }`).
import type { OutboxRequest, OutboxTransport } from './types'

export interface FakeTransport extends OutboxTransport {
  send: jest.Mock<Promise<unknown>, [OutboxRequest]>
  upload: jest.Mock<Promise<{ id: string }>, [{ localPath: string; name: string }, string | null]>
}

export function fakeTransport(): FakeTransport {
  let uploads = 0
  return {
    send: jest.fn(async (_req: OutboxRequest) => ({ id: 'created-1' }) as unknown),
    upload: jest.fn(async (_file: { localPath: string; name: string }, _subject: string | null) => ({ id: `upload-${++uploads}` })),
  }
}

/** An ApiError-shaped answer as the API client rejects with. */
export const httpError = (status: number, code: string, message: string) => ({ response: { status, data: { error: { code, message } } } })
