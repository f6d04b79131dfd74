// Object storage for uploaded files: a directory in DATA_DIR (one instance), or S3-compatible object
// storage (several instances). Keys are always made by the server; a user's file name never becomes a path.
import crypto from 'node:crypto'
import fs from 'node:fs/promises'
import path from 'node:path'
import type { S3Client } from '@aws-sdk/client-s3'
import { AppError } from '../http/errors'

export interface ObjectStorage {
  readonly kind: 'directory' | 's3'
  /** Stores the whole object; it is visible to get() only once complete. */
  put(key: string, data: Buffer, contentType: string): Promise<void>
  /** The object's bytes, or null when there is no such object. */
  get(key: string): Promise<Buffer | null>
  /** Removes the object; a missing object is not an error. */
  delete(key: string): Promise<void>
}

export interface S3Settings {
  endpoint: string
  bucket: string
  region: string
  accessKeyId: string
  secretAccessKey: string
  /** per request; the SDK retries up to maxAttempts times */
  timeoutMs?: number
  maxAttempts?: number
}

const KEY = /^[a-z0-9][a-z0-9-]{7,99}$/
function checkKey(key: string) {
  if (!KEY.test(key)) throw new Error(`invalid storage key: ${JSON.stringify(key)}`)
}

/** What a caller sees when the storage service fails: a retryable 503, never a stack trace. */
export const storageUnavailable = () => new AppError(503, 'STORAGE_UNAVAILABLE', '文件存储暂时不可用，请稍后重试')

export class DirectoryStorage implements ObjectStorage {
  readonly kind = 'directory'
  constructor(readonly root: string) {}

  private file(key: string) {
    checkKey(key)
    return path.join(this.root, key.slice(0, 2), key)
  }

  async put(key: string, data: Buffer, _contentType: string) {
    const target = this.file(key)
    await fs.mkdir(path.dirname(target), { recursive: true })
    // Written under a temporary name, flushed, then renamed: a crash never leaves half a file under the key.
    const tmp = path.join(path.dirname(target), `.tmp-${crypto.randomBytes(8).toString('hex')}`)
    try {
      const handle = await fs.open(tmp, 'wx', 0o600)
      try {
        await handle.writeFile(data)
        await handle.sync()
      } finally {
        await handle.close()
      }
      await fs.rename(tmp, target)
    } catch (e) {
      await fs.rm(tmp, { force: true })
      throw e
    }
  }

  async get(key: string) {
    try {
      return await fs.readFile(this.file(key))
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return null
      throw e
    }
  }

  async delete(key: string) {
    await fs.rm(this.file(key), { force: true })
  }
}

// The SDK takes about a second to load: only a server configured for S3 pays for it, once.
const loadSdk = () => import('@aws-sdk/client-s3')
type Sdk = Awaited<ReturnType<typeof loadSdk>>

export class S3Storage implements ObjectStorage {
  readonly kind = 's3'
  private ready?: Promise<{ sdk: Sdk; client: S3Client }>
  constructor(private settings: S3Settings) {}

  private load() {
    const s = this.settings
    return (this.ready ??= loadSdk().then((sdk) => {
      const client = new sdk.S3Client({
        endpoint: s.endpoint,
        region: s.region,
        credentials: { accessKeyId: s.accessKeyId, secretAccessKey: s.secretAccessKey },
        // MinIO, Ceph and most S3-compatible stores want bucket-in-path and no default CRC32 checksums.
        forcePathStyle: true,
        requestChecksumCalculation: 'WHEN_REQUIRED',
        responseChecksumValidation: 'WHEN_REQUIRED',
        maxAttempts: s.maxAttempts ?? 3,
        // Without throwOnRequestTimeout the SDK only logs a warning and keeps waiting for a silent server.
        requestHandler: { requestTimeout: s.timeoutMs ?? 10_000, connectionTimeout: s.timeoutMs ?? 10_000, throwOnRequestTimeout: true },
      })
      return { sdk, client }
    }))
  }

  async put(key: string, data: Buffer, contentType: string) {
    checkKey(key)
    const { sdk, client } = await this.load()
    await client.send(new sdk.PutObjectCommand({ Bucket: this.settings.bucket, Key: key, Body: data, ContentType: contentType, ContentLength: data.length })).catch(wrap)
  }

  async get(key: string) {
    checkKey(key)
    const { sdk, client } = await this.load()
    try {
      const res = await client.send(new sdk.GetObjectCommand({ Bucket: this.settings.bucket, Key: key }))
      if (!res.Body) return null
      return Buffer.from(await res.Body.transformToByteArray())
    } catch (e) {
      if (e instanceof sdk.S3ServiceException && (e.name === 'NoSuchKey' || e.$metadata.httpStatusCode === 404)) return null
      return wrap(e)
    }
  }

  async delete(key: string) {
    checkKey(key)
    const { sdk, client } = await this.load()
    await client.send(new sdk.DeleteObjectCommand({ Bucket: this.settings.bucket, Key: key })).catch(wrap)
  }
}

/** Keeps the cause for the log; the caller gets the 503. */
function wrap(e: unknown): never {
  const err = storageUnavailable()
  err.cause = e
  throw err
}

export function createStorage(opts: { dataDir: string; s3?: S3Settings }): ObjectStorage {
  return opts.s3 ? new S3Storage(opts.s3) : new DirectoryStorage(path.join(opts.dataDir, 'uploads'))
}
