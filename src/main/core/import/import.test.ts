import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { MAX_IMPORT_BYTES } from '../../../shared/api/sources'
import { normalizeText } from '../../../shared/text'
import { AppError } from '../errors'
import { importDocument } from '.'
import { makeDocx, makePdf } from '../../../../test/support/documents'

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text)

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  try {
    await promise
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('expected the import to be refused')
}

describe('plain text and Markdown', () => {
  it('reads UTF-8, normalizes it, and takes the first short line as the title', async () => {
    const doc = await importDocument(
      'brief.txt',
      utf8('NRF report\r\n\r\n\r\nThe  NRF\toperates in Panjshir.  \r\nCafe\u0301 owners fled.'),
    )
    expect(doc).toMatchObject({ format: 'txt', title: 'NRF report', notes: [] })
    expect(doc.text).toBe('NRF report\n\nThe NRF operates in Panjshir.\nCafé owners fled.')
    expect(doc.text).toBe(normalizeText(doc.text))
  })

  it('reads UTF-16 with a byte-order mark, little and big endian', async () => {
    const text = 'Dari: پنجشیر — 𝕹𝕽𝕱'
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')])
    const be = Buffer.from(le)
    be[0] = 0xfe
    be[1] = 0xff
    for (let i = 2; i < be.length; i += 2) [be[i], be[i + 1]] = [le[i + 1]!, le[i]!]
    expect((await importDocument('a.txt', le)).text).toBe(text)
    expect((await importDocument('b.txt', be)).text).toBe(text)
  })

  it('falls back to Windows-1252 and says so', async () => {
    const bytes = Buffer.from([
      0x93,
      ...Buffer.from('Caf'),
      0xe9,
      0x94,
      0x20,
      0x96,
      0x20,
      0x6f,
      0x6b,
    ])
    const doc = await importDocument('legacy.txt', bytes)
    expect(doc.text).toBe('“Café” – ok')
    expect(doc.notes.join(' ')).toMatch(/read as Windows-1252/)
  })

  it('takes a Markdown heading as the title', async () => {
    const doc = await importDocument('notes.md', utf8('Intro line\n\n# Wolf Unit claims\n\nBody.'))
    expect(doc).toMatchObject({ format: 'md', title: 'Wolf Unit claims' })
  })

  it('refuses empty, whitespace-only, binary and undecidable files with clear messages', async () => {
    expect((await refusal(importDocument('empty.txt', new Uint8Array()))).message).toMatch(
      /is empty/,
    )
    expect((await refusal(importDocument('blank.md', utf8(' \n\t\n')))).message).toMatch(
      /no readable text/,
    )
    const binary = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01, 0x02, 0x03])
    expect((await refusal(importDocument('image.txt', binary))).message).toMatch(/binary file/)
    expect(
      (await refusal(importDocument('odd.txt', Buffer.from([0x41, 0x81, 0x42])))).message,
    ).toMatch(/neither UTF-8 nor Windows-1252/)
  })

  it('refuses an oversized file and an unknown format', async () => {
    const big = new Uint8Array(MAX_IMPORT_BYTES + 1)
    const tooBig = await refusal(importDocument('huge.txt', big))
    expect(tooBig.code).toBe('payload_too_large')
    expect(tooBig.message).toMatch(/up to 20 MB/)
    expect((await refusal(importDocument('sheet.xlsx', utf8('x')))).message).toMatch(
      /not a format Sightline imports/,
    )
  })
})

describe('saved web pages', () => {
  const page = `<!doctype html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <title>Fighting in Andarab | Kabul Observer</title>
  <meta property="og:site_name" content="Kabul Observer">
  <meta name="author" content="Jane Analyst">
  <meta property="article:published_time" content="2024-03-05T08:00:00Z">
  <link rel="canonical" href="https://observer.example.org/andarab">
  <style>body { color: red }</style>
  <script>window.tracking = true</script>
</head>
<body>
  <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a></nav>
  <header><h1>Kabul Observer</h1></header>
  <article>
    <h1>Fighting in Andarab</h1>
    <p>The National Resistance Front said on Tuesday that its fighters had attacked a Taliban checkpoint in the Andarab valley, north of Kabul, killing several guards.</p>
    <p>Local residents reported heavy clashes through the night. Taliban officials denied the claim and said the area was calm, a pattern seen in earlier reports from the valley.</p>
    <p>Analysts say the front has struggled to hold ground since 2022 but keeps a presence in the mountains of Panjshir, Andarab and Kapisa, where the terrain favours small units.</p>
  </article>
  <p><a href="#top">Back to top</a></p>
  <footer>© 2024 Kabul Observer. All rights reserved. Contact us.</footer>
</body>
</html>`

  it('extracts the article and its metadata, dropping navigation, footer, scripts and styles', async () => {
    const doc = await importDocument('andarab.html', utf8(page))
    expect(doc.format).toBe('html')
    expect(doc.text).toContain('The National Resistance Front said on Tuesday')
    expect(doc.text).toContain('\n\nLocal residents reported heavy clashes')
    for (const gone of [
      'Home',
      'Politics',
      'All rights reserved',
      'Back to top',
      'tracking',
      'color: red',
    ]) {
      expect(doc.text).not.toContain(gone)
    }
    expect(doc).toMatchObject({
      author: 'Jane Analyst',
      publisher: 'Kabul Observer',
      publishedAt: '2024-03-05',
      url: 'https://observer.example.org/andarab',
      language: 'en-GB',
    })
    expect(doc.title).toMatch(/Fighting in Andarab/)
  })

  it('honours a declared legacy charset', async () => {
    const html = Buffer.concat([
      Buffer.from('<html><head><meta charset="windows-1252"><title>T</title></head><body><p>Caf'),
      Buffer.from([0xe9]),
      Buffer.from(' in Kabul.</p></body></html>'),
    ])
    expect((await importDocument('cafe.htm', html)).text).toContain('Café in Kabul.')
  })

  it('refuses a page with no text and a binary file named .html', async () => {
    expect(
      (
        await refusal(
          importDocument('empty.html', utf8('<html><body><script>x()</script></body></html>')),
        )
      ).message,
    ).toMatch(/no readable text/)
    expect((await refusal(importDocument('x.html', new Uint8Array([0, 1, 2, 3])))).message).toMatch(
      /binary/,
    )
  })
})

describe('PDF', () => {
  it('joins lines into paragraphs, repairs hyphenation and keeps page starts', async () => {
    const pdf = makePdf([
      [
        'The National Resistance Front operates',
        'in Panjshir and in the neigh-',
        'bouring valleys.',
      ],
      ['Page two: the Freedom Front is active in Takhar.'],
      [],
      ['Page four names the Wolf Unit.'],
    ])
    const doc = await importDocument('report.pdf', pdf)
    expect(doc.format).toBe('pdf')
    expect(doc.text).toBe(
      'The National Resistance Front operates in Panjshir and in the neighbouring valleys.\n\n' +
        'Page two: the Freedom Front is active in Takhar.\n\n' +
        'Page four names the Wolf Unit.',
    )
    expect(doc.pages).toHaveLength(4)
    const [, second, third, fourth] = doc.pages!
    expect(doc.text.slice(second)).toMatch(/^Page two/)
    expect(third).toBe(fourth)
    expect(doc.text.slice(fourth)).toMatch(/^Page four/)
    expect(doc.title).toBe('report')
  })

  it('refuses an encrypted PDF, a broken one, one without text, and a non-PDF', async () => {
    const encrypted = await refusal(
      importDocument('secret.pdf', makePdf([['x']], { encrypted: true })),
    )
    expect(encrypted.message).toMatch(/password-protected/)
    const truncated = makePdf([['Some text here']]).subarray(0, 60)
    expect((await refusal(importDocument('broken.pdf', truncated))).message).toMatch(
      /not a readable PDF|no text layer/,
    )
    expect((await refusal(importDocument('scan.pdf', makePdf([[]])))).message).toMatch(
      /no text layer/,
    )
    expect((await refusal(importDocument('fake.pdf', utf8('hello')))).message).toMatch(/not a PDF/)
  })
})

describe('Word .docx', () => {
  it('reads the paragraphs and the core properties', async () => {
    const bytes = await makeDocx([
      'Wolf Unit statement',
      'The Wolf Unit claimed an attack in Kabul.',
    ])
    const zip = await JSZip.loadAsync(bytes)
    zip.file(
      'docProps/core.xml',
      '<?xml version="1.0"?><cp:coreProperties xmlns:cp="c" xmlns:dc="d" xmlns:dcterms="t">' +
        '<dc:title>Statement &amp; claims</dc:title><dc:creator>Desk officer</dc:creator>' +
        '<dcterms:created>2023-11-02T10:00:00Z</dcterms:created></cp:coreProperties>',
    )
    const doc = await importDocument(
      'statement.docx',
      await zip.generateAsync({ type: 'nodebuffer' }),
    )
    expect(doc.text).toBe('Wolf Unit statement\n\nThe Wolf Unit claimed an attack in Kabul.')
    expect(doc).toMatchObject({
      format: 'docx',
      title: 'Statement & claims',
      author: 'Desk officer',
      publishedAt: '2023-11-02',
    })
  })

  it('refuses a broken docx, a zip that is not Word, an encrypted file and an empty document', async () => {
    expect(
      (await refusal(importDocument('broken.docx', utf8('not a zip at all')))).message,
    ).toMatch(/not a valid \.docx/)
    const zip = new JSZip()
    zip.file('hello.txt', 'hi')
    expect(
      (await refusal(importDocument('other.docx', await zip.generateAsync({ type: 'nodebuffer' }))))
        .message,
    ).toMatch(/not a Word document/)
    const ole = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0])
    expect((await refusal(importDocument('locked.docx', ole))).message).toMatch(
      /password-protected/,
    )
    expect((await refusal(importDocument('blank.docx', await makeDocx([])))).message).toMatch(
      /no readable text/,
    )
  })
})

describe('PDF titles', () => {
  it('ignores the placeholders printing tools write as a title', async () => {
    const { usefulTitle } = await import('./pdf')
    expect(usefulTitle('about:blank')).toBeUndefined()
    expect(usefulTitle('Untitled')).toBeUndefined()
    expect(usefulTitle('report-final.docx')).toBeUndefined()
    expect(usefulTitle('C:\\Users\\me\\scan.pdf')).toBeUndefined()
    expect(usefulTitle('Microsoft Word - Field report 3')).toBe('Field report 3')
    expect(usefulTitle('Armed groups in the north')).toBe('Armed groups in the north')
  })
})
