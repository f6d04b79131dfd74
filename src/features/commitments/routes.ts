// Page addresses of the 信用承诺 subpackage (app.config.ts: packages/commitments).
const root = '/packages/commitments/pages'

export const commitmentRoutes = {
  home: `${root}/index/index`,
  mine: `${root}/mine/index`,
  publicList: `${root}/public/index`,
  sign: (templateId: string) => `${root}/sign/index?id=${encodeURIComponent(templateId)}`,
  receipt: (commitmentId: string) => `${root}/receipt/index?id=${encodeURIComponent(commitmentId)}`,
  verify: (receiptNo?: string) => `${root}/verify/index${receiptNo ? `?no=${encodeURIComponent(receiptNo)}` : ''}`,
} as const
