// The signing form as the outbox keeps it: the tick and the drawing (a PNG data URL), one draft
// per account, acting subject and text version — a new version of the text starts afresh.
export interface SignDraft {
  agreed: boolean
  signaturePng: string | null
}

export const signFormKey = (ownerId: string, subject: string | null, t: { id: string; version: number; textSha256: string }) =>
  `commitment-sign|${ownerId}|${subject ?? 'self'}|${t.id}@${t.version}:${t.textSha256}`
