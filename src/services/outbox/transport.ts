// The real way out: POST through the API client (token, refresh, X-Subject of the item) and
// files through the upload function. Tests swap it for a fake with setOutboxTransport.
import { apiPost } from '../http'
import { uploadFile } from '../uploads'
import type { OutboxTransport } from './types'

export const apiTransport: OutboxTransport = {
  send: ({ url, body, idempotencyKey, subject }) => apiPost(url, body, { idempotencyKey, subject }),
  upload: (file, subject) => uploadFile(file, { subject }),
}
