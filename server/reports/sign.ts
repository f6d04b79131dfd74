// PAdES signature of a report: a placeholder added to the finished PDF, then a CAdES-detached
// signature over it. The certificate comes from configuration (REPORT_SIGNING_P12 + passphrase);
// without one, a self-signed development certificate is made once and kept in DATA_DIR.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import forge from 'node-forge'
import { plainAddPlaceholder } from '@signpdf/placeholder-plain'
import { P12Signer } from '@signpdf/signer-p12'
import signpdf from '@signpdf/signpdf'
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils'

export interface SigningCertificate {
  p12: Buffer
  passphrase: string
}

/** The configured certificate, or the development one in `dataDir` (created on first use). */
export function loadSigningCertificate(opts: { p12Path?: string; passphrase?: string; dataDir: string }): SigningCertificate {
  if (opts.p12Path) return { p12: fs.readFileSync(opts.p12Path), passphrase: opts.passphrase ?? '' }
  // Certificate and passphrase in one file, written whole and renamed into place: two instances
  // starting together each keep a matching pair (the last rename wins for later starts).
  const file = path.join(opts.dataDir, 'report-signing-dev.json')
  if (!fs.existsSync(file)) {
    const passphrase = crypto.randomBytes(18).toString('base64url')
    fs.mkdirSync(opts.dataDir, { recursive: true })
    const tmp = `${file}.${process.pid}.${crypto.randomBytes(4).toString('hex')}.tmp`
    fs.writeFileSync(tmp, JSON.stringify({ p12: developmentP12(passphrase).toString('base64'), passphrase }), { mode: 0o600 })
    fs.renameSync(tmp, file)
  }
  const stored = JSON.parse(fs.readFileSync(file, 'utf8')) as { p12: string; passphrase: string }
  return { p12: Buffer.from(stored.p12, 'base64'), passphrase: stored.passphrase }
}

function developmentP12(passphrase: string): Buffer {
  const { privateKey, publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 2048 })
  const key = forge.pki.privateKeyFromPem(privateKey.export({ type: 'pkcs8', format: 'pem' }).toString())
  const cert = forge.pki.createCertificate()
  cert.publicKey = forge.pki.publicKeyFromPem(publicKey.export({ type: 'spki', format: 'pem' }).toString())
  cert.serialNumber = '01' + crypto.randomBytes(8).toString('hex')
  cert.validity.notBefore = new Date(Date.now() - 86400_000)
  cert.validity.notAfter = new Date(Date.now() + 10 * 365 * 86400_000)
  const name = [
    { name: 'commonName', value: 'CreditPass Development Report Signing' },
    { name: 'organizationName', value: 'CreditPass (development only)' },
    { name: 'countryName', value: 'CN' },
  ]
  cert.setSubject(name)
  cert.setIssuer(name)
  cert.setExtensions([
    { name: 'basicConstraints', cA: false },
    { name: 'keyUsage', digitalSignature: true, nonRepudiation: true },
  ])
  cert.sign(key, forge.md.sha256.create())
  const asn1 = forge.pkcs12.toPkcs12Asn1(key, [cert], passphrase, { algorithm: '3des' })
  return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary')
}

/** Signs a rendered report. A P12Signer signs only once, so each signature gets a new one. */
export async function signReportPdf(pdf: Buffer, cert: SigningCertificate, signingTime = new Date()): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: '公共信用信息报告出具',
    contactInfo: '信用通 公共信用信息服务平台',
    name: '信用通',
    location: 'CN',
    signingTime,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    signatureLength: 8192,
  })
  const signer = new P12Signer(cert.p12, { passphrase: cert.passphrase })
  return Buffer.from(await signpdf.sign(withPlaceholder, signer, signingTime))
}
