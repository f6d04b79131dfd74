// The CJK font of the PDF reports: Noto Sans SC (OFL) from an npm package, never from the system,
// so every machine renders the same document. pdfkit embeds only the glyphs a report uses.
import fs from 'node:fs'
import path from 'node:path'

const root = path.dirname(require.resolve('@expo-google-fonts/noto-sans-sc/package.json'))

let cache: { regular: Buffer; bold: Buffer } | undefined

/** Read once per process: each weight is a 10 MB TrueType file. */
export function reportFonts() {
  cache ??= {
    regular: fs.readFileSync(path.join(root, '400Regular', 'NotoSansSC_400Regular.ttf')),
    bold: fs.readFileSync(path.join(root, '700Bold', 'NotoSansSC_700Bold.ttf')),
  }
  return cache
}
