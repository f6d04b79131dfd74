// One typed error for every failure a caller can see: HTTP status, a SNAKE_CASE code, a Chinese message.
// Below every layer (use cases, auth, routes); server/http/errors.ts turns it into the HTTP answer.

export class AppError extends Error {
  constructor(public status: number, public code: string, message: string, public headers?: Record<string, string>) {
    super(message)
    this.name = 'AppError'
  }
}

export const notFound = (what = '记录') => new AppError(404, 'NOT_FOUND', `${what}不存在或无权查看`)
export const badRequest = (message: string, code = 'VALIDATION_ERROR') => new AppError(400, code, message)
export const unauthorized = (message = '请先登录', code = 'UNAUTHORIZED') => new AppError(401, code, message)
