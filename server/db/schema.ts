// Kysely table types, matching migrations/*.sql.
import type { ColumnType, Generated } from 'kysely'
import type { RecordStatus } from '../../src/domain/lifecycle'
import type { ObligationSource } from '../../src/domain/obligation'

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
  deleted_at: ColumnType<Date | null, never, Date | string | null>
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
  status: Generated<RecordStatus>
  list_kind: 'red' | 'black' | null
  list_name: string | null
  created_at: Generated<Date>
  /** what the decision obliges the subject to do (缴纳罚款 5,000 元); null: nothing */
  obligation: ColumnType<string | null, string | null | undefined, string | null>
  obligation_met_on: ColumnType<string | null, string | null | undefined, string | null>
  obligation_met_source: ColumnType<ObligationSource | null, ObligationSource | null | undefined, ObligationSource | null>
  obligation_met_repair_id: ColumnType<string | null, string | null | undefined, string | null>
  obligation_met_by_user_id: ColumnType<string | null, string | null | undefined, string | null>
  obligation_met_note: ColumnType<string | null, string | null | undefined, string | null>
}

export interface CreditRecordEventsTable {
  id: string
  record_id: string
  at: Timestamp
  actor: string
  status: RecordStatus
  reason: string
  event: string | null
  from_status: RecordStatus | null
  actor_kind: 'system' | 'subject' | 'officer' | null
  actor_id: string | null
}

export interface RecordKindsTable {
  kind: string
  carries_points: boolean
  repair_forbidden: boolean
  service_hours: ColumnType<Record<string, number> | null, string | null, string | null>
  updated_at: Generated<Date>
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
  /** set for reads logged once per source and day */
  dedupe_key: ColumnType<string | null, string | null | undefined, string | null>
}

export interface RevokedAccessTokensTable {
  jti: string
  expires_at: Timestamp
}

export interface RateLimitHitsTable {
  bucket: string
  window_start: Timestamp
  hits: number
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
  audience: ColumnType<'person' | 'enterprise', 'person' | 'enterprise' | undefined, 'person' | 'enterprise'>
  /** China time 'HH:MM'; null where there is no gate */
  opens_at: string | null
  closes_at: string | null
  last_entry: string | null
}

export interface CounterPassesTable {
  id: string
  code: string
  subject_id: string
  /** an incentive id used in person (reading-library, medical-first) or 'green-channel' */
  kind: string
  created_at: Generated<Date>
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
  status: Generated<'active' | 'used' | 'revoked' | 'expired'>
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
  status: Generated<'active' | 'revoked' | 'expired'>
  created_at: Generated<Date>
}

export interface AuthorizationsTable {
  id: string
  subject_id: string
  incentive_id: string
  scope: string
  expires_at: Timestamp
  revoked_at: Date | null
  expired_at: Date | null
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
  department: ColumnType<string | null, string | null | undefined, string | null>
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
  /** only for rows signed before migration 008 and not yet moved to storage */
  signature_png: Buffer | null
  signature_upload_id: string | null
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

export interface UploadsTable {
  id: string
  subject_id: string
  uploader_user_id: string
  purpose: 'evidence' | 'signature'
  storage_key: string
  content_type: 'image/jpeg' | 'image/png' | 'application/pdf'
  size: number
  sha256: string
  created_at: Timestamp
}

export interface UploadAttachmentsTable {
  upload_id: string
  case_kind: string
  case_id: string
  attached_at: Generated<Date>
}

export interface MessagesTable {
  id: string
  subject_id: string | null
  user_id: string | null
  kind: string
  title: string
  body: string
  link: string | null
  dedupe_key: string | null
  created_at: Generated<Date>
  read_at: Date | null
}

export interface MessageDeliveriesTable {
  id: string
  message_id: string
  channel: 'wechat' | 'sms'
  recipient_user_id: string
  template: string
  /** template fields already rendered; page: the mini-program page a subscribe message opens */
  payload: ColumnType<{ fields: Record<string, string>; page?: string }, string, string>
  status: Generated<'pending' | 'sending' | 'sent' | 'refused' | 'failed'>
  attempts: Generated<number>
  last_error: string | null
  claimed_at: Date | null
  sent_at: Date | null
  created_at: Generated<Date>
}

export interface WechatAccessTokensTable {
  appid: string
  access_token: string
  expires_at: Timestamp
  updated_at: Generated<Date>
}

export interface DeadlinesTable {
  id: string
  case_kind: string
  case_id: string
  step: string
  title: string
  due_date: DateCol
  remind_user_id: string | null
  remind_subject_id: string | null
  link: string | null
  reminded_at: Date | null
  overdue_at: Date | null
  done_at: Date | null
  created_at: Generated<Date>
  /** the last day an optional step may be taken: lapses when passed, never overdue */
  optional: Generated<boolean>
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
  record_kinds: RecordKindsTable
  refresh_tokens: RefreshTokensTable
  sms_codes: SmsCodesTable
  idempotency_keys: IdempotencyKeysTable
  schema_migrations: SchemaMigrationsTable
  score_snapshots: ScoreSnapshotsTable
  access_log: AccessLogTable
  rate_limit_hits: RateLimitHitsTable
  revoked_access_tokens: RevokedAccessTokensTable
  incentives: IncentivesTable
  counter_passes: CounterPassesTable
  staff_sites: StaffSitesTable
  vouchers: VouchersTable
  rental_grants: RentalGrantsTable
  authorizations: AuthorizationsTable
  commitment_templates: CommitmentTemplatesTable
  commitments: CommitmentsTable
  calendar_years: CalendarYearsTable
  calendar_days: CalendarDaysTable
  uploads: UploadsTable
  upload_attachments: UploadAttachmentsTable
  messages: MessagesTable
  message_deliveries: MessageDeliveriesTable
  wechat_access_tokens: WechatAccessTokensTable
  deadlines: DeadlinesTable
  reports: ReportsTable
  objections: ObjectionsTable
  departments: DepartmentsTable
  service_hours: ServiceHoursTable
  repair_applications: RepairApplicationsTable
  dishonesty_reports: DishonestyReportsTable
  voluntary_registrations: VoluntaryRegistrationsTable
  service_tasks: ServiceTasksTable
  service_bookings: ServiceBookingsTable
  service_hour_codes: ServiceHourCodesTable
  organizer_audit: OrganizerAuditTable
}

export interface DishonestyReportsTable {
  id: string
  reporter_subject_id: string
  reporter_user_id: string
  uscc: string
  reported_subject_id: string | null
  category: string
  description: string
  status: Generated<'已提交' | '已受理' | '核查中' | '已办结'>
  filed_at: Generated<Date>
  filed_on: DateCol
  accept_due: DateCol
  accept_due_estimated: boolean
  officer_user_id: string | null
  officer_name: string | null
  accepted_at: Date | null
  conclude_due: DateCol | null
  conclude_due_estimated: boolean | null
  verifying_at: Date | null
  verify_note: string | null
  concluded_at: Date | null
  outcome: 'substantiated' | 'partly' | 'unsubstantiated' | null
  reply: string | null
}

export interface VoluntaryRegistrationsTable {
  id: string
  subject_id: string
  filed_by_user_id: string
  category: string
  title: string
  description: string
  commitment_id: string
  status: Generated<'已提交' | '已核验' | '未通过'>
  filed_at: Generated<Date>
  filed_on: DateCol
  verify_due: DateCol
  verify_due_estimated: boolean
  officer_user_id: string | null
  officer_name: string | null
  decided_at: Date | null
  reasons: string | null
  record_id: string | null
}

export interface ServiceHoursTable {
  id: string
  subject_id: string
  source: 'attendance' | 'hour_code'
  source_id: string
  /** numeric(6,1): the driver returns it as a string */
  hours: string | number
  title: string
  organization: string
  credited_at: Generated<Date>
  corrected_at: Date | null
}

/** A department known to the platform; credit_authority: the 信用主管部门 (receives and transfers cases). */
export interface DepartmentsTable {
  name: string
  credit_authority: ColumnType<boolean, boolean | undefined, boolean>
}

export interface ObjectionsTable {
  id: string
  record_id: string
  subject_id: string
  filed_by_user_id: string
  reason: string
  description: string
  status: Generated<'已提交' | '核查中' | '已转办' | '已办结'>
  filed_at: Generated<Date>
  filed_on: DateCol
  decision_due: DateCol
  decision_due_estimated: boolean
  transfer_due: DateCol
  transfer_due_estimated: boolean
  officer_user_id: string | null
  officer_name: string | null
  accepted_at: Date | null
  transferred_at: Date | null
  transferred_on: DateCol | null
  department: string | null
  transfer_note: string | null
  department_due: DateCol | null
  department_due_estimated: boolean | null
  decided_at: Date | null
  outcome: 'correct' | 'revoke' | 'uphold' | null
  decision_reasons: string | null
  correction: ColumnType<Record<string, unknown> | null, string | null, string | null>
  transferred_by_user_id: ColumnType<string | null, string | null | undefined, string | null>
  decided_by_user_id: ColumnType<string | null, string | null | undefined, string | null>
  decided_by_department: ColumnType<string | null, string | null | undefined, string | null>
}

export interface RepairApplicationsTable {
  id: string
  record_id: string
  subject_id: string
  filed_by_user_id: string
  commitment_id: string
  status: Generated<'审核中' | '已通过' | '未通过'>
  filed_at: Generated<Date>
  filed_on: DateCol
  reply_due: DateCol
  reply_due_estimated: boolean
  decision_due: DateCol
  decision_due_estimated: boolean
  score_expected: number
  decided_at: Date | null
  officer_user_id: string | null
  officer_name: string | null
  outcome: 'approve' | 'reject' | null
  decision_reasons: string | null
}

export interface ServiceTasksTable {
  id: string
  organizer_user_id: string
  title: string
  organization: string
  place: string
  description: string
  start_at: Timestamp
  end_at: Timestamp
  signup_deadline: Timestamp
  capacity: number
  /** numeric(4,1): the driver returns it as a string */
  hours: string | number
  booked: Generated<number>
  created_at: Generated<Date>
  /** set once, with the reason, when the organizer cancels the task */
  cancelled_at: Timestamp | null
  cancel_reason: string | null
}

export interface ServiceBookingsTable {
  id: string
  task_id: string
  subject_id: string
  user_id: string
  status: Generated<'booked' | 'cancelled'>
  booked_at: Generated<Date>
  cancelled_at: Timestamp | null
  checked_in_at: Timestamp | null
  checked_out_at: Timestamp | null
  confirmed_hours: string | number | null
  confirmed_at: Timestamp | null
  /** who cancelled it: the holder, the organizer (with the task), or the account's deletion */
  cancelled_by: 'citizen' | 'organizer' | 'account_deletion' | null
}

export interface ServiceHourCodesTable {
  id: string
  code: string
  organizer_user_id: string
  organization: string
  hours: string | number
  note: string
  created_at: Generated<Date>
  redeemed_by_subject_id: string | null
  redeemed_at: Timestamp | null
}

export interface OrganizerAuditTable {
  id: string
  organizer_user_id: string
  action: 'publish_task' | 'confirm_attendance' | 'correct_attendance' | 'issue_hour_code' | 'cancel_task'
  task_id: string | null
  booking_id: string | null
  hour_code_id: string | null
  detail: ColumnType<unknown, string | undefined, string>
  at: Generated<Date>
}
