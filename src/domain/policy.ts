// The policy module: every number of DESIGN §3 lives here once; app and server import it.

/** Score scale and levels (configurable thresholds, highest first). */
export const SCORE_MIN = 0
export const SCORE_MAX = 1000
export const SCORE_BASE = 600

export type LevelName = '极好' | '优秀' | '良好' | '一般' | '待提升'
export const LEVELS: ReadonlyArray<{ name: LevelName; min: number }> = [
  { name: '极好', min: 750 },
  { name: '优秀', min: 700 },
  { name: '良好', min: 600 },
  { name: '一般', min: 550 },
  { name: '待提升', min: SCORE_MIN },
]

export type Severity = '轻微' | '一般' | '严重'

/** Publicity periods and repair waiting times by class, in months (NDRC 令2025年第36号). */
export const PUBLICITY_RULES: Readonly<Record<Severity, { minMonths: number; maxMonths: number; repairAfterMonths: number }>> = {
  轻微: { minMonths: 0, maxMonths: 3, repairAfterMonths: 0 },
  一般: { minMonths: 3, maxMonths: 12, repairAfterMonths: 3 },
  严重: { minMonths: 12, maxMonths: 36, repairAfterMonths: 12 },
}

/** Public-service hours a local policy requires before repair, by class (000 §21). */
export const REPAIR_SERVICE_HOURS: Readonly<Record<Severity, number>> = { 轻微: 0, 一般: 10, 严重: 20 }

/** Deadlines in working days. */
export const OBJECTION_DECISION_WORKING_DAYS = 5
export const OBJECTION_TRANSFER_WORKING_DAYS = 2
export const OBJECTION_DEPARTMENT_WORKING_DAYS = 5
export const REPAIR_PLATFORM_REPLY_WORKING_DAYS = 10
export const REPAIR_DEPARTMENT_DECISION_WORKING_DAYS = 3
/** 失信举报: accepted (or not) within this many working days of filing, concluded within that many of acceptance. */
export const DISHONESTY_REPORT_ACCEPT_WORKING_DAYS = 5
export const DISHONESTY_REPORT_CONCLUDE_WORKING_DAYS = 30
/** 信用信息自愿注册: verified or refused within this many working days of filing. */
export const VOLUNTARY_REGISTRATION_VERIFY_WORKING_DAYS = 10

/** 绿色通道 / 容缺受理: red list, or this many years without a negative record (000 §9). */
export const GREEN_CHANNEL_CLEAN_YEARS = 3

/** Positive records (honours, red list) stay in publicity this long. */
export const POSITIVE_PUBLICITY_MONTHS = 36

/** SMS login. */
export const SMS_CODE_LENGTH = 6
export const SMS_CODE_TTL_SECONDS = 5 * 60
export const SMS_MAX_WRONG_ATTEMPTS = 5
export const SMS_RESEND_INTERVAL_SECONDS = 60
export const SMS_PER_PHONE_PER_HOUR = 5
export const SMS_PER_PHONE_PER_DAY = 10
export const SMS_PER_IP_PER_HOUR = 30

/** Anonymous requests per client address and minute: public lists and receipt checks; sign-in attempts. */
export const PUBLIC_REQUESTS_PER_IP_PER_MINUTE = 60
export const AUTH_REQUESTS_PER_IP_PER_MINUTE = 300

/** Sessions. */
export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60
export const REFRESH_TOKEN_TTL_DAYS = 30

/** Idempotency-Key: how long a key (and its stored answer) lives. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24

/** Privacy notice version: a new version asks for consent again. */
export const PRIVACY_POLICY_VERSION = '2026-11-01'

/** Score factors: points a record in publicity adds (positive) or takes away (negative). */
export const POSITIVE_POINTS = { redList: 60, honour: 40, volunteer: 20, contract: 15, commitment: 10, voluntary: 5, other: 0 } as const
/** Verified self-registered information (自愿注册) counts, but only this many entries at a time: a
 *  subject cannot register its way up the scale. */
export const VOLUNTARY_RECORDS_COUNTED = 4
export const NEGATIVE_POINTS: Readonly<Record<Severity, number>> = { 轻微: 20, 一般: 50, 严重: 150 }
/** Extra deduction while a subject is on a 严重失信 list. */
export const BLACK_LIST_POINTS = 100

/** 信易游: vouchers one person may claim at one spot for one visit day (each benefit at most once). */
export const VOUCHERS_PER_SPOT_PER_DAY = 2
/** 信易游: how far ahead a visit date may be booked. */
export const VOUCHER_BOOKING_WINDOW_DAYS = 30
/** Codes shown at a counter (voucher QR, 信易阅 / 信易医 / 绿色通道 proofs) change this often, and the
 *  checker also takes the window before and after (clock skew between phone and server). */
export const ROTATING_CODE_PERIOD_S = 30
export const ROTATING_CODE_SKEW_WINDOWS = 1
/** 信易租: a deposit-free grant lasts this long; an authorisation for a partner at most this long. */
export const RENTAL_GRANT_VALID_DAYS = 365
export const AUTHORIZATION_MAX_DAYS = 365

/** 信用承诺: kinds, which are published (enterprises only), reading time, signature image limits. */
export const COMMITMENT_KINDS = ['审批型', '主动公示型', '行业自律型', '修复型'] as const
export type CommitmentKind = (typeof COMMITMENT_KINDS)[number]
export const PUBLIC_COMMITMENT_KINDS: readonly CommitmentKind[] = ['审批型', '主动公示型', '行业自律型']
export const COMMITMENT_MIN_READ_SECONDS = 15
export const SIGNATURE_MAX_BYTES = 200 * 1024

/**
 * Confirmed public-service hours add to the score with diminishing returns (as 威海 海贝分 does):
 * each tier gives one point per `hoursPerPoint` hours up to `upTo` hours in all; nothing beyond the last.
 */
export const SERVICE_HOUR_TIERS: ReadonlyArray<{ upTo: number; hoursPerPoint: number }> = [
  { upTo: 20, hoursPerPoint: 1 },
  { upTo: 80, hoursPerPoint: 2 },
  { upTo: 200, hoursPerPoint: 3 },
]
/**
 * 公益服务 tasks: check-in opens this many minutes before the start and closes at the end; check-out
 * opens at the start and closes this many minutes after the end (people finish late, queue to scan).
 */
export const SERVICE_CHECK_IN_EARLY_MINUTES = 30
export const SERVICE_CHECK_OUT_LATE_MINUTES = 60
/** A task's seats, and the hours a task or an hour code (时长码) may credit, in steps of half an hour. */
export const SERVICE_TASK_CAPACITY = { min: 1, max: 500 } as const
export const SERVICE_TASK_HOURS = { min: 0.5, max: 24, step: 0.5 } as const
/** Largest signature canvas in pixels (width × height): bounds the decoded size before inflating. */
export const SIGNATURE_MAX_PIXELS = 1_500_000
/** Share of dark, opaque pixels a signature must have (a stroke, not a blank or a speck) … */
export const SIGNATURE_MIN_INK_SHARE = 0.001
/** … and may have at most (not a filled rectangle). */
export const SIGNATURE_MAX_INK_SHARE = 0.5

/** Uploads (evidence for objections and repairs): what, how large, how many (DESIGN §3, §5). */
export const UPLOAD_TYPES = ['image/jpeg', 'image/png', 'application/pdf'] as const
export type UploadType = (typeof UPLOAD_TYPES)[number]
export const UPLOAD_MAX_BYTES = 10 * 1024 * 1024
/** Files one case (an objection, a repair application) may carry. */
export const UPLOADS_PER_CASE = 9
/** Files one user may upload in any 24 hours (signatures are not counted). */
export const UPLOADS_PER_USER_PER_DAY = 30
/** An upload not attached to any case within this time is removed. */
export const UNATTACHED_UPLOAD_TTL_HOURS = 24
/** The same limits as one object, for the app's uploader (checked on the device; the server decides). */
export const UPLOAD = { types: UPLOAD_TYPES, maxBytes: UPLOAD_MAX_BYTES, maxFilesPerCase: UPLOADS_PER_CASE } as const

/**
 * Record kinds (信用记录类别) as data: whether a record of the kind moves the score, whether law
 * forbids credit repair for it (e.g. 失信被执行人 leave the list only through the court), and the
 * public-service hours a local policy asks for before repairing a negative record, by class.
 * The server copies this list into the `record_kinds` table at start.
 */
export interface RecordKindPolicy {
  kind: string
  carriesPoints: boolean
  repairForbidden: boolean
  /** null: the kind is never negative, so never repaired */
  serviceHours: Readonly<Record<Severity, number>> | null
}
export const RECORD_KINDS: readonly RecordKindPolicy[] = [
  { kind: '行政许可', carriesPoints: false, repairForbidden: false, serviceHours: null },
  { kind: '表彰奖励', carriesPoints: true, repairForbidden: false, serviceHours: null },
  { kind: '志愿服务', carriesPoints: true, repairForbidden: false, serviceHours: null },
  { kind: '行政处罚', carriesPoints: true, repairForbidden: false, serviceHours: REPAIR_SERVICE_HOURS },
  { kind: '合同履约', carriesPoints: true, repairForbidden: false, serviceHours: REPAIR_SERVICE_HOURS },
  { kind: '信用承诺', carriesPoints: true, repairForbidden: false, serviceHours: REPAIR_SERVICE_HOURS },
  { kind: '欠税', carriesPoints: true, repairForbidden: false, serviceHours: REPAIR_SERVICE_HOURS },
  { kind: '失信被执行人', carriesPoints: true, repairForbidden: true, serviceHours: null },
  { kind: '自愿注册', carriesPoints: true, repairForbidden: false, serviceHours: null },
]

/** Credit reports: free for the subject (at least 2 a year, as 征信 and 上海市社会信用条例 §34 grant), capped per day against abuse. */
export const REPORTS_PER_YEAR = 12
export const REPORTS_PER_DAY = 3
/** A report states the record as of its generation; it is valid this long. */
export const REPORT_VALID_DAYS = 30
/** 专项信用报告 (信用代证, 发改财金〔2025〕565号): the longest period one report covers. */
export const SPECIAL_REPORT_MAX_YEARS = 5
/** Public report checks (number + code, or the file) per client address and minute: 6-character codes are not to be guessed. */
export const REPORT_CHECKS_PER_IP_PER_MINUTE = 20
/** A report PDF sent for checking: a signed report is well under 1 MB; a little room for long records. */
export const REPORT_UPLOAD_MAX_BYTES = 5 * 1024 * 1024

/**
 * Public red/black list lookup: persons appear only on lists whose publication the law orders (the
 * court's 失信被执行人名单, 最高人民法院 规定 第六条), and then masked; enterprises on every list.
 */
export const PERSON_PUBLISHED_LISTS: readonly string[] = ['失信被执行人名单']
