// Draws a credit report as an A4 PDF (pdfkit, CJK font subset embedded). Pure: data in, bytes out;
// the signature is added afterwards (sign.ts) over exactly these bytes.
import PDFDocument from 'pdfkit'
import { qrMatrix } from '../../src/components/qr-code/qr-matrix'
import { reportFonts } from './font'
import type { ReportData, ReportEntry } from './types'

const INK = '#1f2329'
const MUTED = '#646a73'
const ACCENT = '#1456f0'
const RULE = '#dee0e3'
const STATUS_COLOURS: Record<string, string> = { 已修复: '#1a7f37', 异议中: '#c25e00', 公示中: ACCENT, 已撤销: MUTED, 已更正: MUTED, 已到期: MUTED }
const MARGIN = 50

export const REPORT_TITLES = { full: '公共信用信息报告', special: '专项信用报告' } as const

const cnTime = (d: Date) =>
  new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'long', timeStyle: 'medium', hour12: false }).format(d)
const cnDate = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`)

export function renderReport(data: ReportData): Promise<Buffer> {
  const fonts = reportFonts()
  const doc = new PDFDocument({
    size: 'A4',
    margin: MARGIN,
    bufferPages: true, // the footer needs the page count
    info: { Title: `${REPORT_TITLES[data.kind]} ${data.number}`, Author: '信用通 公共信用信息服务平台', Subject: REPORT_TITLES[data.kind] },
  })
  const done = new Promise<Buffer>((resolve, reject) => {
    const chunks: Buffer[] = []
    doc.on('data', (c: Buffer) => chunks.push(c))
    doc.on('end', () => resolve(Buffer.concat(chunks)))
    doc.on('error', reject)
  })
  doc.registerFont('R', fonts.regular)
  doc.registerFont('B', fonts.bold)
  const width = doc.page.width - MARGIN * 2

  header(doc, data, width)
  subjectBlock(doc, data, width)
  scoreBlock(doc, data, width)
  if (data.kind === 'special' && data.special) specialBlock(doc, data.special, width)
  else entriesBlock(doc, data.entries, width)
  verificationBlock(doc, data, width)
  footers(doc, data, width)
  doc.end()
  return done
}

type Doc = PDFKit.PDFDocument

function sectionTitle(doc: Doc, text: string, width: number) {
  ensureSpace(doc, 60)
  doc.moveDown(0.8)
  const y = doc.y
  doc.rect(MARGIN, y + 2, 4, 14).fill(ACCENT)
  doc.font('B').fontSize(13).fillColor(INK).text(text, MARGIN + 12, y, { width: width - 12 })
  doc.moveDown(0.4)
  doc.x = MARGIN
}

function ensureSpace(doc: Doc, needed: number) {
  if (doc.y + needed > doc.page.height - MARGIN) doc.addPage()
}

function field(doc: Doc, label: string, value: string, width: number) {
  doc.font('R').fontSize(10).fillColor(MUTED).text(`${label}：`, MARGIN, doc.y, { continued: true, width })
  doc.fillColor(INK).text(value)
}

function header(doc: Doc, data: ReportData, width: number) {
  doc.rect(0, 0, doc.page.width, 8).fill(ACCENT)
  doc.font('B').fontSize(22).fillColor(INK).text(REPORT_TITLES[data.kind], MARGIN, 40, { width, align: 'center', characterSpacing: 2 })
  doc.moveDown(0.3)
  doc.font('R').fontSize(10).fillColor(MUTED).text('信用通 · 公共信用信息服务平台', { width, align: 'center' })
  doc.moveDown(1)
  field(doc, '报告编号', data.number, width)
  field(doc, '生成时间', cnTime(data.generatedAt), width)
  field(doc, '有效期至', `${cnDate(data.validUntil)}（信息以生成时为准，逾期请重新生成）`, width)
  doc.moveDown(0.5)
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke()
}

function subjectBlock(doc: Doc, data: ReportData, width: number) {
  sectionTitle(doc, '一、信用主体', width)
  const s = data.subject
  field(doc, s.kind === 'enterprise' ? '企业名称' : '姓名', s.name, width)
  field(doc, s.kind === 'enterprise' ? '统一社会信用代码' : '身份证号码', s.identifier, width)
  if (data.special) field(doc, '查询期间', `${cnDate(data.special.from)} 至 ${cnDate(data.special.to)}`, width)
}

function scoreBlock(doc: Doc, data: ReportData, width: number) {
  sectionTitle(doc, '二、公共信用评分', width)
  const y = doc.y
  const score = String(data.score.score)
  doc.font('B').fontSize(26).fillColor(ACCENT).text(score, MARGIN, y, { lineBreak: false })
  const scoreWidth = doc.widthOfString(score)
  doc.font('B').fontSize(13).fillColor(INK).text(`分 · ${data.score.level}`, MARGIN + scoreWidth + 6, y + 14, { lineBreak: false })
  doc.y = y + 40
  doc.font('R').fontSize(9).fillColor(MUTED).text(`基础分 ${data.score.base}，以下每一项加减分均来自一条公示中的信用记录：`, MARGIN, doc.y, { width })
  if (data.score.factors.length === 0) doc.fillColor(INK).text('无加减分项。', { width })
  for (const f of data.score.factors) {
    doc.font('R').fontSize(9.5).fillColor(f.points > 0 ? '#1a7f37' : '#c9302c').text(`· ${f.reason}`, MARGIN + 8, doc.y, { width: width - 8 })
  }
  doc.x = MARGIN
}

function entry(doc: Doc, e: ReportEntry, index: number, width: number) {
  ensureSpace(doc, 120)
  doc.moveDown(0.6)
  const top = doc.y
  doc.font('B').fontSize(11).fillColor(INK).text(`${index}. ${e.title}`, MARGIN, top, { width: width - 70 })
  const after = doc.y
  doc.font('B').fontSize(10).fillColor(STATUS_COLOURS[e.status] ?? MUTED).text(`【${e.status}】`, MARGIN + width - 70, top, { width: 70, align: 'right' })
  doc.y = Math.max(after, doc.y)
  const kind = `${e.kind} · ${e.polarity === 'positive' ? '守信信息' : `失信信息（${e.severity ?? '一般'}）`}${e.listName ? ` · ${e.listName}` : ''}`
  field(doc, '类别', kind, width)
  field(doc, '认定部门', e.department, width)
  if (e.documentNo) field(doc, '文书号', e.documentNo, width)
  field(doc, '法律依据', e.legalBasis ?? '—', width)
  field(doc, '决定日期', cnDate(e.decisionDate), width)
  field(doc, '公示期', `${cnDate(e.publicityStart)} 至 ${e.publicityEnd ? cnDate(e.publicityEnd) : '长期'}`, width)
  if (e.content) doc.font('R').fontSize(9.5).fillColor(INK).text(e.content, MARGIN, doc.y, { width })
  if (e.history.length > 0) {
    doc.font('B').fontSize(9.5).fillColor(MUTED).text('状态变更记录：', MARGIN, doc.y + 2, { width })
    for (const h of e.history) {
      doc.font('R').fontSize(9).fillColor(MUTED).text(`${cnTime(new Date(h.at))}  ${h.status}  ${h.actor}：${h.reason}`, MARGIN + 8, doc.y, { width: width - 8 })
    }
  }
  doc.x = MARGIN
  doc.moveDown(0.3)
  doc.moveTo(MARGIN, doc.y).lineTo(MARGIN + width, doc.y).lineWidth(0.5).strokeColor(RULE).stroke()
}

function entriesBlock(doc: Doc, entries: ReportEntry[], width: number) {
  sectionTitle(doc, `三、信用记录（共 ${entries.length} 条）`, width)
  if (entries.length === 0) doc.font('R').fontSize(10.5).fillColor(INK).text('该主体在本平台无信用记录。', MARGIN, doc.y, { width })
  entries.forEach((e, i) => entry(doc, e, i + 1, width))
}

function specialBlock(doc: Doc, special: NonNullable<ReportData['special']>, width: number) {
  sectionTitle(doc, '三、违法违规记录（按领域）', width)
  const period = `${cnDate(special.from)}至${cnDate(special.to)}`
  let n = 0
  for (const s of special.sections) {
    ensureSpace(doc, 60)
    doc.moveDown(0.5)
    doc.font('B').fontSize(11.5).fillColor(INK).text(`${s.domain}领域`, MARGIN, doc.y, { width })
    if (s.entries.length === 0) {
      doc.font('R').fontSize(10.5).fillColor('#1a7f37').text(`该期间内（${period}）无${s.domain}领域违法违规记录。`, MARGIN, doc.y, { width })
      continue
    }
    doc.font('R').fontSize(10.5).fillColor(INK).text(`该期间内（${period}）${s.domain}领域有 ${s.entries.length} 条违法违规记录：`, MARGIN, doc.y, { width })
    for (const e of s.entries) entry(doc, e, ++n, width)
  }
}

function verificationBlock(doc: Doc, data: ReportData, width: number) {
  const qrSize = 96
  ensureSpace(doc, qrSize + 60)
  sectionTitle(doc, '报告核验', width)
  const top = doc.y
  const textWidth = width - qrSize - 16
  field(doc, '报告编号', data.number, textWidth)
  field(doc, '核验码', data.verificationCode, textWidth)
  doc.font('R').fontSize(9).fillColor(MUTED).text(
    '扫描右侧二维码，或在信用通“报告核验”中输入报告编号与核验码，可查看本报告摘要及 SHA-256 校验值；上传本 PDF 文件可核验其是否与原件一致。本报告附有数字签名，任何改动都会使签名失效。',
    MARGIN, doc.y + 4, { width: textWidth },
  )
  drawQr(doc, data.verifyUrl, MARGIN + width - qrSize, top, qrSize)
  doc.y = Math.max(doc.y, top + qrSize + 8)
  doc.x = MARGIN
}

function footers(doc: Doc, data: ReportData, width: number) {
  const { start, count } = doc.bufferedPageRange()
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i)
    const bottom = doc.page.margins.bottom
    doc.page.margins.bottom = 0 // writing into the margin must not open a new page
    doc.font('R').fontSize(8).fillColor(MUTED)
      .text(`${REPORT_TITLES[data.kind]}  ${data.number}    第 ${i - start + 1} 页 / 共 ${count} 页`, MARGIN, doc.page.height - 32, { width, align: 'center', lineBreak: false })
    doc.page.margins.bottom = bottom
  }
}

function drawQr(doc: Doc, text: string, x: number, y: number, size: number) {
  const m = qrMatrix(text, 'M')
  const cell = size / (m.length + 8) // a quiet zone of 4 modules each side
  doc.rect(x, y, size, size).fill('#ffffff')
  m.forEach((row, r) => row.forEach((dark, c) => {
    if (dark) doc.rect(x + (c + 4) * cell, y + (r + 4) * cell, cell, cell).fill('#000000')
  }))
}
