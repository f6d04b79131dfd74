// Kysely table types, matching migrations/*.sql.
import type { ColumnType, Generated } from 'kysely'

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>
type DateCol = ColumnType<string, string, string>

export interface SubjectsTable {
  id: string
  kind: 'person' | 'enterprise'
  name: string
  identifier: string
  created_at: Generated<Date>
}

export interface UsersTable {
  id: string
  persona: string | null
  phone: string | null
  wechat_openid: string | null
  subject_id: string | null
  roles: ColumnType<string[], string[] | undefined, string[]>
  org_name: string | null
  created_at: Generated<Date>
}

export interface AgentBindingsTable {
  user_id: string
  subject_id: string
  role: '法定代表人' | '经办人'
  created_at: Generated<Date>
}

export interface CreditRecordsTable {
  id: string
  subject_id: string
  kind: string
  polarity: 'positive' | 'negative'
  severity: '轻微' | '一般' | '严重' | null
  title: string
  content: Generated<string>
  department: string
  document_no: string | null
  legal_basis: string | null
  decision_date: DateCol
  publicity_start: DateCol
  publicity_end: DateCol | null
  status: Generated<string>
  list_kind: 'red' | 'black' | null
  list_name: string | null
  created_at: Generated<Date>
}

export interface CreditRecordEventsTable {
  id: string
  record_id: string
  at: Timestamp
  actor: string
  status: string
  reason: string
}

export interface RefreshTokensTable {
  id: string
  family_id: string
  user_id: string
  token_hash: string
  expires_at: Timestamp
  used_at: Date | null
  revoked_at: Date | null
  created_at: Generated<Date>
}

export interface SmsCodesTable {
  id: string
  phone: string
  ip: string
  code_hash: string
  expires_at: Timestamp
  wrong_attempts: Generated<number>
  consumed_at: Date | null
  created_at: Generated<Date>
}

export interface IdempotencyKeysTable {
  scope: string
  key: string
  request_hash: string
  state: 'in_flight' | 'done'
  status_code: number | null
  response_body: string | null
  created_at: Timestamp
}

export interface SchemaMigrationsTable {
  version: number
  name: string
  applied_at: Generated<Date>
}

export interface ScoreSnapshotsTable {
  subject_id: string
  month: string
  score: number
  level: string
  computed_at: Generated<Date>
}

export interface AccessLogTable {
  id: string
  subject_id: string
  at: Timestamp
  reader: string
  reader_kind: 'officer' | 'partner' | 'verifier' | 'public'
  purpose: string
}

export interface IncentivesTable {
  id: string
  category: 'travel' | 'rental' | 'reading' | 'medical'
  name: string
  provider: string
  summary: string
  benefits: ColumnType<{ code: string; name: string; detail: string }[], string, string>
  rule_min_level: string | null
  rule_red_list: 'required' | 'alternative' | 'none'
  claim_kind: 'voucher' | 'grant' | 'none'
  address: string | null
  open_hours: string | null
  deposit_waived: string | null
  limits: string | null
  how_to_use: string | null
  sort: number
}

export interface StaffSitesTable {
  user_id: string
  incentive_id: string
}

export interface VouchersTable {
  id: string
  code: string
  incentive_id: string
  subject_id: string
  benefit: string
  visit_date: DateCol
  status: Generated<'active' | 'used' | 'revoked'>
  signature: string
  used_at: Date | null
  used_by: string | null
  used_place: string | null
  created_at: Generated<Date>
}

export interface RentalGrantsTable {
  id: string
  code: string
  incentive_id: string
  subject_id: string
  valid_until: DateCol
  status: Generated<'active' | 'revoked'>
  created_at: Generated<Date>
}

export interface AuthorizationsTable {
  id: string
  subject_id: string
  incentive_id: string
  scope: string
  expires_at: Timestamp
  revoked_at: Date | null
  created_at: Generated<Date>
}

export interface CommitmentTemplatesTable {
  id: string
  version: number
  kind: '审批型' | '主动公示型' | '行业自律型' | '修复型'
  audience: 'person' | 'enterprise' | 'both'
  title: string
  body: string
  body_sha256: string
  created_at: Generated<Date>
}

export interface CommitmentsTable {
  id: string
  receipt_no: string
  template_id: string
  template_version: number
  subject_id: string
  signer_user_id: string
  signer_relation: string
  text_sha256: string
  signature_png: Buffer
  signature_sha256: string
  status: Generated<'履约中' | '已履约' | '违诺'>
  status_reason: string | null
  record_id: string | null
  signed_at: Generated<Date>
}

export interface CalendarYearsTable {
  year: number
  source: 'package' | 'official'
  loaded_at: Generated<Date>
  loaded_by: string | null
}

export interface CalendarDaysTable {
  day: DateCol
  year: number
  kind: 'holiday' | 'workday'
  name: string | null
}

export interface ReportsTable {
  id: string
  subject_id: string
  kind: 'full' | 'special'
  params: ColumnType<ReportParamsJson, string, string>
  status: Generated<'pending' | 'ready' | 'failed'>
  number: string
  verification_code: string
  sha256: string | null
  storage_key: string | null
  pdf: Buffer | null
  created_at: Generated<Date>
  ready_at: Date | null
  error: string | null
}
export interface ReportParamsJson {
  from?: string
  to?: string
  domains?: string[]
}

export interface Database {
  subjects: SubjectsTable
  users: UsersTable
  agent_bindings: AgentBindingsTable
  credit_records: CreditRecordsTable
  credit_record_events: CreditRecordEventsTable
  refresh_tokens: RefreshTokensTable
  sms_codes: SmsCodesTable
  idempotency_keys: IdempotencyKeysTable
  schema_migrations: SchemaMigrationsTable
  score_snapshots: ScoreSnapshotsTable
  access_log: AccessLogTable
  incentives: IncentivesTable
  staff_sites: StaffSitesTable
  vouchers: VouchersTable
  rental_grants: RentalGrantsTable
  authorizations: AuthorizationsTable
  commitment_templates: CommitmentTemplatesTable
  commitments: CommitmentsTable
  calendar_years: CalendarYearsTable
  calendar_days: CalendarDaysTable
  reports: ReportsTable
}
