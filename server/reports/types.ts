// What a credit report shows: the data the loader reads and the renderer draws, already masked.

export type ReportKind = 'full' | 'special'

export interface ReportHistoryItem {
  at: string
  actor: string
  status: string
  reason: string
}

export interface ReportEntry {
  id: string
  kind: string
  polarity: 'positive' | 'negative'
  severity: string | null
  title: string
  content: string
  department: string
  documentNo: string | null
  legalBasis: string | null
  decisionDate: string
  publicityStart: string
  publicityEnd: string | null
  status: string
  listName: string | null
  history: ReportHistoryItem[]
}

export interface ReportDomainSection {
  domain: string
  entries: ReportEntry[]
}

export interface ReportData {
  kind: ReportKind
  number: string
  verificationCode: string
  generatedAt: Date
  /** last day (China time) the report is valid, YYYY-MM-DD */
  validUntil: string
  /** the public verify page for this report (in the QR code) */
  verifyUrl: string
  /** masked for a person (张*, 110105********002X), in full for an enterprise */
  subject: { kind: 'person' | 'enterprise'; name: string; identifier: string }
  score: { score: number; level: string; base: number; factors: { points: number; reason: string }[] }
  /** full report: every entry; special report: unused (see `special`) */
  entries: ReportEntry[]
  /** 专项信用报告: the period and, per chosen domain, the violations found in it */
  special?: { from: string; to: string; sections: ReportDomainSection[] }
}
