// 信用报告核验 (public, no login; the report's QR opens it with ?number=): by number + 6-character
// code the report's summary and SHA-256; or the PDF itself, compared byte for byte with the original:
// 与原件一致 or 已被修改. Every check is written to the report subject's access log by the server.
import { Input, Text, View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import ActionButton from '../../../../components/action-button'
import Icon from '../../../../components/icon'
import PageShell from '../../../../components/page-shell'
import { formatBytes } from '../../../../components/uploader/checks'
import { chinaDate, formatChinaDateTime } from '../../../../domain/dates'
import { REPORT_UPLOAD_MAX_BYTES } from '../../../../domain/policy'
import { REPORT_CODE, REPORT_NUMBER } from '../../../../domain/report-request'
import { ymdText } from '../../../../features/reports/labels'
import { readParam } from '../../../../platform/navigation'
import { toApiError } from '../../../../services/api-error'
import { verifyReportFile } from '../../../../services/report-verify'
import { fetchPublicReport, type FileVerdict, type PublicReportSummary } from '../../../../services/reports-api'
import PdfPicker, { type PickedPdf } from '../../components/pdf-picker'
import failureIcon from '../../../../assets/icons/failure.svg'
import successIcon from '../../../../assets/icons/success.svg'
import './index.scss'

const normalize = (s: string) => s.replace(/\s+/g, '').toUpperCase()

/** Why the number and code cannot be checked yet, in Chinese; null when they can. */
export function lookupProblem(number: string, code: string): string | null {
  if (!number) return '请填写报告编号'
  if (!REPORT_NUMBER.test(number)) return '报告编号应为 BG 加 16 位数字和字母，请对照报告首页填写'
  if (!code) return '请填写 6 位核验码'
  if (!REPORT_CODE.test(code)) return '核验码为 6 位字母或数字，请对照报告首页填写'
  return null
}

/** 64 hex characters in four lines of 16, so the hash can be compared by eye. */
function Hash({ value }: { value: string }) {
  return (
    <View className='rv-hash' aria-label={`SHA-256 ${value}`}>
      {[0, 16, 32, 48].map((i) => (
        <Text key={i} className='rv-hash-line'>
          {value.slice(i, i + 16)}
        </Text>
      ))}
    </View>
  )
}

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <View className='rv-row'>
      <Text className='rv-label'>{label}</Text>
      <View className='rv-value'>{children}</View>
    </View>
  )
}

function Summary({ s }: { s: PublicReportSummary }) {
  const expired = s.validUntil < chinaDate()
  return (
    <View className='card rv-result' role='status' aria-live='polite'>
      <View className='rv-result-head'>
        <Icon className='rv-result-icon' src={expired ? failureIcon : successIcon} />
        <View className='rv-result-title'>
          <Text className='section-title rv-title'>{expired ? '报告真实，但已过有效期' : '报告真实有效'}</Text>
          <Text className='muted'>信用通出具的{s.title}</Text>
        </View>
      </View>
      <Row label='报告编号'>
        <Text className='rv-mono'>{s.number}</Text>
      </Row>
      <Row label={s.subject.kind === 'enterprise' ? '企业名称' : '姓名'}>
        <Text>{s.subject.name}</Text>
      </Row>
      <Row label={s.subject.kind === 'enterprise' ? '统一社会信用代码' : '身份证号码'}>
        <Text className='rv-mono'>{s.subject.identifier}</Text>
      </Row>
      <Row label='生成时间'>
        <Text>{formatChinaDateTime(s.generatedAt)}</Text>
      </Row>
      <Row label='有效期至'>
        <Text className={expired ? 'tag tag-danger' : ''}>{ymdText(s.validUntil)}</Text>
      </Row>
      <Row label='SHA-256'>
        <Hash value={s.sha256} />
      </Row>
      <Text className='muted rv-note'>可将手中 PDF 的 SHA-256 与此对照，或在下方上传文件由系统比对。</Text>
    </View>
  )
}

function Verdict({ v, name }: { v: FileVerdict; name: string }) {
  return (
    <View className={`card rv-result ${v.genuine ? 'rv-ok' : 'rv-bad'}`} role='status' aria-live='polite'>
      <View className='rv-result-head'>
        <Icon className='rv-result-icon' src={v.genuine ? successIcon : failureIcon} />
        <View className='rv-result-title'>
          <Text className={`rv-verdict ${v.genuine ? 'rv-verdict-ok' : 'rv-verdict-bad'}`}>{v.verdict}</Text>
          <Text className='muted'>{name}</Text>
        </View>
      </View>
      <Text className='rv-explain'>
        {v.genuine
          ? `该文件与信用通出具的报告 ${v.number ?? ''} 完全一致，未被修改。`
          : '该文件与信用通出具的原件不一致：可能已被修改，或不是本平台出具的报告。请以原件或凭编号、核验码查询的结果为准。'}
      </Text>
      <Row label='文件 SHA-256'>
        <Hash value={v.sha256} />
      </Row>
    </View>
  )
}

export default function ReportVerifyPage() {
  const params = useRouter().params
  const fromQr = normalize(readParam(params, 'number') ?? '')
  const [number, setNumber] = useState(fromQr)
  const [code, setCode] = useState('')
  const [lookupError, setLookupError] = useState<string | null>(null)
  const [looking, setLooking] = useState(false)
  const [summary, setSummary] = useState<PublicReportSummary | null>(null)
  const [file, setFile] = useState<PickedPdf | null>(null)
  const [checking, setChecking] = useState(false)
  const [fileError, setFileError] = useState<string | null>(null)
  const [verdict, setVerdict] = useState<FileVerdict | null>(null)
  const busy = useRef(false)

  const lookup = async () => {
    const n = normalize(number)
    const c = normalize(code)
    const problem = lookupProblem(n, c)
    setSummary(null)
    setLookupError(problem)
    if (problem || busy.current) return
    busy.current = true
    setLooking(true)
    try {
      setSummary(await fetchPublicReport(n, c))
    } catch (e) {
      setLookupError(toApiError(e).message)
    } finally {
      busy.current = false
      setLooking(false)
    }
  }

  const check = async (picked: PickedPdf) => {
    setFile(picked)
    setVerdict(null)
    setFileError(null)
    if (!/\.pdf$/i.test(picked.name)) return setFileError(`“${picked.name}”不是 PDF 文件，请选择信用报告的 PDF`)
    if (picked.size > REPORT_UPLOAD_MAX_BYTES) return setFileError(`文件有 ${formatBytes(picked.size)}，超过 ${formatBytes(REPORT_UPLOAD_MAX_BYTES)}，不是信用通出具的报告`)
    setChecking(true)
    try {
      // The number from the QR (or typed in) narrows the check to that report.
      const n = normalize(number)
      setVerdict(await verifyReportFile(picked, REPORT_NUMBER.test(n) ? n : undefined))
    } catch (e) {
      setFileError(toApiError(e).message)
    } finally {
      setChecking(false)
    }
  }

  return (
    <PageShell name='rv'>
      <View className='card rv-intro'>
        <Text className='rv-intro-title'>核验信用通出具的信用报告</Text>
        <Text className='muted'>无需登录。可凭报告首页的编号和核验码查询，或上传 PDF 文件比对是否被修改。每次核验都会告知报告主体。</Text>
      </View>

      <View className='card'>
        <Text className='section-title'>凭编号和核验码查询</Text>
        <View className='field'>
          <Text className='field-label'>报告编号</Text>
          <View className={`field-box ${lookupError && !REPORT_NUMBER.test(normalize(number)) ? 'field-box-invalid' : ''}`}>
            <Input
              className='field-input rv-mono'
              value={number}
              maxlength={24}
              placeholder='BG 开头，共 18 位'
              nativeProps={{ 'aria-label': '报告编号', autoCapitalize: 'characters' }}
              onInput={(e) => setNumber(e.detail.value)}
            />
          </View>
        </View>
        <View className='field'>
          <Text className='field-label'>核验码</Text>
          <View className='field-box'>
            <Input
              className='field-input rv-mono'
              value={code}
              maxlength={6}
              placeholder='6 位字母或数字'
              nativeProps={{ 'aria-label': '核验码', autoCapitalize: 'characters' }}
              onInput={(e) => setCode(e.detail.value)}
              onConfirm={() => void lookup()}
            />
          </View>
        </View>
        {lookupError && (
          <View className='form-error' role='alert'>
            {lookupError}
          </View>
        )}
        <ActionButton disabled={looking} onClick={() => void lookup()}>
          {looking ? '正在查询…' : '查询'}
        </ActionButton>
      </View>

      {summary && <Summary s={summary} />}

      <View className='card'>
        <Text className='section-title'>上传 PDF 比对</Text>
        <Text className='muted rv-lead'>选择要核验的信用报告 PDF，系统将与原件逐字节比对。文件仅用于本次比对，不会保存。</Text>
        <PdfPicker disabled={checking} label={checking ? '正在比对…' : file ? '重新选择 PDF' : '选择 PDF 文件'} onPicked={(f) => void check(f)} onError={setFileError} />
        {fileError && (
          <View className='form-error rv-file-error' role='alert'>
            {fileError}
          </View>
        )}
      </View>

      {verdict && file && <Verdict v={verdict} name={file.name} />}
    </PageShell>
  )
}
