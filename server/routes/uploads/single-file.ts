// Reads exactly one file from a multipart request (field `file`), consuming every part so the
// request always ends, and turns every way a form can be wrong into a 4xx with a Chinese message.
import type { FastifyRequest } from 'fastify'
import type { Readable } from 'node:stream'
import { UPLOAD_MAX_BYTES } from '../../../src/domain/policy'
import { AppError, badRequest } from '../../http/errors'
import { tooLarge } from '../../uploads/uploads'

const FIELD = 'file'
const tooMany = () => badRequest('一次只能上传一个文件', 'TOO_MANY_FILES')
const incomplete = () => badRequest('文件没有完整上传，请重新上传', 'UPLOAD_INCOMPLETE')

/** Busboy's limits: one file plus one more (to say "only one" instead of failing on a limit), a few small fields. */
const LIMITS = { fileSize: UPLOAD_MAX_BYTES, files: 2, fields: 5, fieldSize: 1024, parts: 8, headerPairs: 20 }

async function readAll(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of stream) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

async function drain(stream: Readable) {
  for await (const _ of stream) void _
}

export async function readSingleFile(request: FastifyRequest): Promise<Buffer> {
  if (!request.isMultipart()) throw new AppError(415, 'UNSUPPORTED_MEDIA_TYPE', '请以 multipart/form-data 格式上传文件（字段名 file）')
  let data: Buffer | undefined
  let problem: AppError | undefined
  try {
    for await (const part of request.parts({ limits: LIMITS })) {
      if (part.type !== 'file') continue
      if (part.fieldname !== FIELD) {
        await drain(part.file)
        problem ??= badRequest('请在字段 file 中上传文件', 'WRONG_FIELD')
      } else if (data !== undefined) {
        await drain(part.file)
        problem = tooMany()
      } else {
        data = await readAll(part.file)
        // Busboy stops at the limit and marks the stream truncated instead of failing: a cut file is refused.
        if (part.file.truncated) problem ??= tooLarge()
      }
    }
  } catch (e) {
    const code = (e as { code?: string }).code
    if (code === 'FST_FILES_LIMIT') throw tooMany()
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw badRequest('表单内容过多，请只上传一个文件', 'TOO_MANY_PARTS')
    if (code === 'FST_PROTO_VIOLATION') throw badRequest('表单字段名不正确')
    // A stream cut short (client gone, missing closing boundary) or malformed multipart data.
    throw incomplete()
  }
  if (problem) throw problem
  if (data === undefined) throw badRequest('请选择要上传的文件（字段名 file）', 'NO_FILE')
  return data
}
