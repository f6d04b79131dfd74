import assert from 'node:assert/strict'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { after, describe, it } from 'node:test'
import { sampleReport } from './fixtures'
import { renderReport } from './render'
import { loadSigningCertificate, signReportPdf } from './sign'
import { pdfSignature, pdfText } from './testing'
import { sha256Hex, verifyReportBytes } from './verify'

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'report-sign-'))
after(() => fs.rmSync(dataDir, { recursive: true, force: true }))
const cert = () => loadSigningCertificate({ dataDir })
// pdftotext lays out lines; spaces inside a line depend on glyph positions.
const flat = (s: string) => s.replace(/\s+/g, '')

describe('公共信用信息报告', () => {
  it('when rendered and signed, poppler reads every entry in Chinese and finds the signature valid', async () => {
    const pdf = await signReportPdf(await renderReport(sampleReport()), cert())
    const text = flat(pdfText(pdf))
    for (const expected of ['公共信用信息报告', '报告编号：BG20261130ABCD2345', '有效期至：2026年12月30日', '姓名：李*', '身份证号码：110105********002X',
      '570分·一般', '经营场所未保持疏散通道畅通', '认定部门：杭州市上城区消防救援大队', '法律依据：《中华人民共和国消防法》第二十八条',
      '【异议中】', '本人提出异议：租金已按月缴纳，记录有误', '【已修复】', '准予修复，停止公示', '核验码：K7P2QX']) {
      assert.ok(text.includes(flat(expected)), `missing ${expected}`)
    }
    assert.ok(!text.includes('11010519491231002X'), 'the full ID number never appears')
    const sig = pdfSignature(pdf)
    assert.ok(sig.valid, sig.out)
    assert.match(sig.out, /ETSI\.CAdES\.detached/)
  })

  it('when one byte changes, both the signature and the public hash check fail', async () => {
    const pdf = await signReportPdf(await renderReport(sampleReport()), cert())
    const known = sha256Hex(pdf)
    assert.deepEqual(verifyReportBytes(pdf, known).verdict, '与原件一致')
    const changed = Buffer.from(pdf)
    const at = changed.indexOf('PDFKit')
    assert.ok(at > 0)
    changed[at] = 'Q'.charCodeAt(0)
    assert.equal(pdfSignature(changed).valid, false)
    assert.deepEqual([verifyReportBytes(changed, known).genuine, verifyReportBytes(changed, known).verdict], [false, '已被修改'])
  })

  it('the development certificate is made once; a configured .p12 with its passphrase signs as well', async () => {
    assert.deepEqual(cert().p12, cert().p12)
    const file = path.join(dataDir, 'configured.p12')
    fs.writeFileSync(file, cert().p12)
    const configured = loadSigningCertificate({ p12Path: file, passphrase: cert().passphrase, dataDir: path.join(dataDir, 'unused') })
    const sig = pdfSignature(await signReportPdf(await renderReport(sampleReport()), configured))
    assert.ok(sig.valid, sig.out)
    assert.match(sig.out, /CreditPass Development Report Signing/)
    assert.ok(!fs.existsSync(path.join(dataDir, 'unused')), 'no development certificate when one is configured')
  })

  it('a second signature with the same certificate works (a new signer per signature)', async () => {
    const pdf = await renderReport(sampleReport())
    const [a, b] = [await signReportPdf(pdf, cert()), await signReportPdf(pdf, cert())]
    assert.ok(pdfSignature(a).valid && pdfSignature(b).valid)
  })
})

describe('专项信用报告', () => {
  it('says 已修复 for a repaired violation and plainly "无…记录" for a clean domain', async () => {
    const base = sampleReport()
    const repaired = base.entries[2]
    const pdf = await renderReport({
      ...base, kind: 'special', entries: [],
      subject: { kind: 'enterprise', name: '绍兴鉴湖酿造有限公司', identifier: '91330602MA2D8R6L1D' },
      special: { from: '2022-01-01', to: '2026-11-30', sections: [{ domain: '城市管理', entries: [repaired] }, { domain: '税务', entries: [] }] },
    })
    const text = flat(pdfText(pdf))
    for (const expected of ['专项信用报告', '企业名称：绍兴鉴湖酿造有限公司', '统一社会信用代码：91330602MA2D8R6L1D', '查询期间：2022年1月1日至2026年11月30日',
      '城市管理领域有1条违法违规记录', '占道经营', '【已修复】', '该期间内（2022年1月1日至2026年11月30日）无税务领域违法违规记录。']) {
      assert.ok(text.includes(flat(expected)), `missing ${expected}`)
    }
  })
})
