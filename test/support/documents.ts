/**
 * Small documents made in code for the importer tests, so no binary fixture has to be
 * checked in: a minimal PDF writer (one Helvetica text line per entry) and a minimal
 * .docx (a zip of three XML parts).
 */
import { crc32, deflateRawSync, deflateSync } from 'node:zlib'
import JSZip from 'jszip'

export interface PdfOptions {
  /** Adds a standard-security /Encrypt dictionary whose user password is not empty. */
  encrypted?: boolean
}

/** A PDF with one page per entry; each page shows its lines top to bottom. */
export function makePdf(pages: string[][], options: PdfOptions = {}): Buffer {
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('')
  const pageTree = add('')
  const font = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>')
  const pageIds: number[] = []
  for (const lines of pages) {
    const content = lines
      .map((line, i) => `BT /F1 12 Tf 72 ${720 - i * 16} Td (${escapePdfText(line)}) Tj ET`)
      .join('\n')
    const stream = add(
      `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
    )
    pageIds.push(
      add(
        `<< /Type /Page /Parent ${pageTree} 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`,
      ),
    )
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pageTree} 0 R >>`
  objects[pageTree - 1] =
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  const encrypt = options.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'ab'.repeat(32)}> /U <${'cd'.repeat(32)}> /P -4 >>`)
    : null

  let out = '%PDF-1.4\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'))
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = Buffer.byteLength(out, 'latin1')
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`
  const id = `<${'0123456789abcdef'.repeat(2)}>`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R${
    encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''
  } >>\nstartxref\n${xref}\n%%EOF\n`
  return Buffer.from(out, 'latin1')
}

function escapePdfText(text: string): string {
  return text.replace(/[\\()]/g, (c) => `\\${c}`)
}

/** A .docx whose body has one paragraph per entry. */
export async function makeDocx(paragraphs: string[]): Promise<Buffer> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>' +
      '</Types>',
  )
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
      '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>' +
      '</Relationships>',
  )
  const body = paragraphs
    .map((p) => `<w:p><w:r><w:t xml:space="preserve">${escapeXml(p)}</w:t></w:r></w:p>`)
    .join('')
  zip.file(
    'word/document.xml',
    '<?xml version="1.0" encoding="UTF-8"?>' +
      '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
      `<w:body>${body}</w:body></w:document>`,
  )
  return zip.generateAsync({ type: 'nodebuffer' })
}

function escapeXml(text: string): string {
  return text.replace(
    /[<>&"]/g,
    (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c]!,
  )
}

/** Writes numbered PDF objects and the cross-reference table around them. */
function assemblePdf(objects: (string | Buffer)[], root: number): Buffer {
  const chunks: Buffer[] = [Buffer.from('%PDF-1.4\n', 'latin1')]
  let length = chunks[0]!.length
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(length)
    const chunk = Buffer.concat([
      Buffer.from(`${i + 1} 0 obj\n`, 'latin1'),
      typeof body === 'string' ? Buffer.from(body, 'latin1') : body,
      Buffer.from('\nendobj\n', 'latin1'),
    ])
    chunks.push(chunk)
    length += chunk.length
  })
  const xref = [`xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`]
  for (const offset of offsets) xref.push(`${String(offset).padStart(10, '0')} 00000 n \n`)
  xref.push(
    `trailer\n<< /Size ${objects.length + 1} /Root ${root} 0 R >>\nstartxref\n${length}\n%%EOF\n`,
  )
  chunks.push(Buffer.from(xref.join(''), 'latin1'))
  return Buffer.concat(chunks)
}

/** A PDF of `count` real pages sharing one small content stream (a few MB for 50,000). */
export function makeManyPagesPdf(count: number): Buffer {
  const content = 'BT /F1 12 Tf 72 720 Td (Page) Tj ET'
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]
  const kids: string[] = []
  for (let i = 0; i < count; i++) {
    kids.push(`${objects.length + 1} 0 R`)
    objects.push(
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R /Resources << /Font << /F1 3 0 R >> >> >>',
    )
  }
  objects[1] = `<< /Type /Pages /Kids [${kids.join(' ')}] /Count ${count} >>`
  return assemblePdf(objects, 1)
}

/**
 * A one-page PDF whose compressed content stream (a few hundred KB) inflates to
 * `operators` graphics-state operators: pdf.js works through them for a very long time.
 */
export function makeEndlessPdf(operators: number): Buffer {
  const content = deflateSync(Buffer.from('q Q\n'.repeat(operators), 'latin1'), { level: 9 })
  return assemblePdf(
    [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /Contents 4 0 R >>',
      Buffer.concat([
        Buffer.from(`<< /Length ${content.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
        content,
        Buffer.from('\nendstream', 'latin1'),
      ]),
    ],
    1,
  )
}

/** A PDF of about `megabytes` MB: pages of plain text lines, as a long report would be. */
export function makeLargePdf(megabytes: number): Buffer {
  const line = (page: number, n: number): string =>
    `Page ${page}, line ${n}: the front reported movements near the valley road and the district centre.`
  const linesPerPage = 45
  const pageBytes = linesPerPage * 120
  const pages = Math.max(1, Math.round((megabytes * 1024 * 1024) / pageBytes))
  return makePdf(
    Array.from({ length: pages }, (_, page) =>
      Array.from({ length: linesPerPage }, (_, n) => line(page + 1, n + 1)),
    ),
  )
}

/**
 * A zip of deflated entries, written directly with zlib (JSZip's own deflate takes many
 * seconds over the hundreds of megabytes a bomb holds).
 */
function deflatedZip(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = []
  const centrals: Buffer[] = []
  let offset = 0
  for (const { name, data } of entries) {
    const compressed = deflateRawSync(data, { level: 9 })
    const fileName = Buffer.from(name, 'utf8')
    const crc = crc32(data)
    const local = Buffer.alloc(30)
    local.writeUInt32LE(0x04034b50, 0)
    local.writeUInt16LE(20, 4)
    local.writeUInt16LE(8, 8)
    local.writeUInt32LE(crc, 14)
    local.writeUInt32LE(compressed.length, 18)
    local.writeUInt32LE(data.length, 22)
    local.writeUInt16LE(fileName.length, 26)
    const central = Buffer.alloc(46)
    central.writeUInt32LE(0x02014b50, 0)
    central.writeUInt16LE(20, 4)
    central.writeUInt16LE(20, 6)
    central.writeUInt16LE(8, 10)
    central.writeUInt32LE(crc, 16)
    central.writeUInt32LE(compressed.length, 20)
    central.writeUInt32LE(data.length, 24)
    central.writeUInt16LE(fileName.length, 28)
    central.writeUInt32LE(offset, 42)
    locals.push(local, fileName, compressed)
    centrals.push(central, fileName)
    offset += local.length + fileName.length + compressed.length
  }
  const directory = Buffer.concat(centrals)
  const end = Buffer.alloc(22)
  end.writeUInt32LE(0x06054b50, 0)
  end.writeUInt16LE(entries.length, 8)
  end.writeUInt16LE(entries.length, 10)
  end.writeUInt32LE(directory.length, 12)
  end.writeUInt32LE(offset, 16)
  return Buffer.concat([...locals, directory, end])
}

/** A .docx under 1 MB whose document.xml inflates to `inflatedBytes` (a zip bomb). */
export async function makeZipBombDocx(inflatedBytes: number): Promise<Buffer> {
  const template = await JSZip.loadAsync(await makeDocx(['Harmless first paragraph.']))
  const entries: { name: string; data: Buffer }[] = []
  for (const name of ['[Content_Types].xml', '_rels/.rels']) {
    entries.push({ name, data: await template.file(name)!.async('nodebuffer') })
  }
  const head =
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>'
  const tail = '</w:t></w:r></w:p></w:body></w:document>'
  const filler = Buffer.alloc(inflatedBytes - head.length - tail.length, 'A')
  entries.push({
    name: 'word/document.xml',
    data: Buffer.concat([Buffer.from(head), filler, Buffer.from(tail)]),
  })
  return deflatedZip(entries)
}

/** A saved web page whose elements nest `depth` levels deep. */
export function makeDeepHtml(depth: number): Buffer {
  return Buffer.from(
    `<!doctype html><html><head><title>Deep</title></head><body>${'<div>'.repeat(depth)}Some text at the bottom.${'</div>'.repeat(depth)}</body></html>`,
  )
}
