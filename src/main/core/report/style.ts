import { createHash } from 'node:crypto'
import { embeddedFontFaces } from './fonts'

/**
 * The report's one stylesheet. It never varies with the report (page size and margins
 * are classes on <body>), so the app's CSP can allow exactly this <style> by its hash
 * for the live preview instead of widening style-src.
 */
const RULES = `
:root {
  --ink: #16202b;
  --muted: #5a6572;
  --line: #c9d1db;
  --soft: #eef2f6;
  --accent: #1c4f8c;
  font-family: 'Noto Sans', 'Noto Naskh Arabic', sans-serif;
  font-size: 10.5pt;
  line-height: 1.45;
  color: var(--ink);
  -webkit-print-color-adjust: exact;
  print-color-adjust: exact;
}
* { box-sizing: border-box; }
body { margin: 0; }
.sheet { margin: 0 auto; }
@media screen {
  html { background: #d7dce2; }
  .sheet { background: #fff; margin: 16px auto; box-shadow: 0 1px 4px rgba(0, 0, 0, 0.25); }
  body.page-a4 .sheet { width: 210mm; min-height: 297mm; }
  body.page-letter .sheet { width: 215.9mm; min-height: 279.4mm; }
  body.margins-narrow .sheet { padding: 18mm 12.7mm; }
  body.margins-normal .sheet { padding: 22mm 20mm; }
  body.margins-wide .sheet { padding: 25.4mm 25.4mm; }
}
@media print {
  .screen-only { display: none; }
}
.classification-banner {
  text-align: center;
  font-weight: 700;
  font-size: 9pt;
  letter-spacing: 0.04em;
  margin: 0 0 6mm;
  unicode-bidi: plaintext;
}
.classification-banner.bottom { margin: 8mm 0 0; }
h1, h2, h3, h4, h5, h6 {
  break-after: avoid;
  page-break-after: avoid;
  break-inside: avoid;
  line-height: 1.25;
  unicode-bidi: plaintext;
}
.title-block { border-bottom: 2px solid var(--accent); padding-bottom: 4mm; margin-bottom: 8mm; }
.title-block h1 { font-size: 22pt; margin: 0 0 3mm; color: var(--accent); }
.title-block .meta { margin: 0; color: var(--muted); display: flex; flex-wrap: wrap; gap: 2mm 8mm; }
.title-block .meta span { unicode-bidi: plaintext; }
.report-section { margin: 0 0 8mm; }
.report-section > h2 { font-size: 14pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1px solid var(--line); }
.note-body h1 { font-size: 13pt; margin: 4mm 0 2mm; }
.note-body h2 { font-size: 12pt; margin: 4mm 0 2mm; }
.note-body h3, .note-body h4, .note-body h5, .note-body h6 { font-size: 11pt; margin: 3mm 0 1.5mm; }
.note-body p, .note-body li { orphans: 2; widows: 2; unicode-bidi: plaintext; }
.note-body blockquote { margin: 2mm 0 2mm 4mm; padding-left: 3mm; border-left: 3px solid var(--line); color: var(--muted); }
.note-body code { font-size: 0.92em; background: var(--soft); padding: 0 1mm; }
.note-body pre { background: var(--soft); padding: 2mm; white-space: pre-wrap; }
a { color: var(--accent); text-decoration: none; }
.mention { font-weight: 600; }
.cite { font-size: 0.75em; vertical-align: super; line-height: 0; white-space: nowrap; }
.cite a { font-weight: 700; }
.cite.missing { color: #a1261b; }
table { width: 100%; border-collapse: collapse; margin: 2mm 0 4mm; font-size: 9pt; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr { break-inside: avoid; page-break-inside: avoid; }
th, td { border: 1px solid var(--line); padding: 1.2mm 1.8mm; text-align: start; vertical-align: top; unicode-bidi: plaintext; }
th { background: var(--soft); font-weight: 700; }
td.number, th.number { text-align: end; }
.table-note { color: var(--muted); font-size: 8.5pt; margin: 0; }
figure { margin: 2mm 0 4mm; break-inside: avoid; page-break-inside: avoid; text-align: center; }
figure img { max-width: 100%; max-height: 200mm; }
figure svg.map { width: 100%; height: auto; max-height: 190mm; }
.map-groups { margin: 0; padding-inline-start: 4mm; }
figcaption { color: var(--muted); font-size: 9pt; margin-top: 2mm; unicode-bidi: plaintext; }
.quote-list { list-style: none; padding: 0; margin: 0; }
.quote-list > li, .source-list > li { break-inside: avoid; page-break-inside: avoid; margin: 0 0 4mm; }
.quote { margin: 0 0 1mm; padding: 1.5mm 3mm; border-inline-start: 3px solid var(--accent); background: #f7f9fb; unicode-bidi: plaintext; }
.quote .context { color: var(--muted); }
.quote .exact { font-weight: 600; }
.quote-meta { margin: 0; color: var(--muted); font-size: 8.5pt; }
.quote-meta span { unicode-bidi: isolate; }
.comment { margin: 1mm 0 0; font-size: 9pt; unicode-bidi: plaintext; }
.grade { display: inline-block; border: 1px solid var(--line); border-radius: 2px; padding: 0 1.2mm; font-size: 8pt; font-weight: 700; color: var(--ink); background: var(--soft); }
.source-list { list-style: none; padding: 0; margin: 0; }
.source-number { font-weight: 700; color: var(--accent); }
.source-title { font-weight: 700; unicode-bidi: plaintext; }
.url { word-break: break-all; }
.anchor-orphaned { color: #a1261b; font-weight: 700; }
.anchor-fuzzy, .anchor-moved { color: #8a5a00; }
.appendix-entity { break-inside: auto; }
.appendix-entity > h3 { font-size: 11pt; margin: 4mm 0 2mm; }
.empty { color: var(--muted); font-style: italic; }
[dir='rtl'], [lang='fa'], [lang='ps'], [lang='ar'] { font-family: 'Noto Naskh Arabic', 'Noto Sans', sans-serif; }
`

let cached: { css: string; hash: string } | undefined

function compute(): { css: string; hash: string } {
  cached ??= (() => {
    const css = `${embeddedFontFaces()}\n${RULES}`
    return { css, hash: createHash('sha256').update(css, 'utf8').digest('base64') }
  })()
  return cached
}

/** The report stylesheet, bundled fonts included. */
export function reportStyleSheet(): string {
  return compute().css
}

/** The CSP source that allows exactly the report's <style> element ('sha256-…'). */
export function reportStyleHashSource(): string {
  return `'sha256-${compute().hash}'`
}
