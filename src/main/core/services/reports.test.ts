import { existsSync } from 'node:fs'
import { readStored } from '../../../../test/support/stored'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { Report } from '../../../shared/model'
import type { Result } from '../../../shared/result'
import { createDispatch, type Dispatch } from '../dispatch'
import type { PdfPrinter } from '../report/print'
import { copySample, tempDir } from '../../../../test/support/folders'
import { Workspace } from '../workspace'
import { countPdfPages } from './reports'

let dir: Awaited<ReturnType<typeof tempDir>>
let workspace: Workspace
let dispatch: Dispatch
const FAKE_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Pages /Count 2>>\n2 0 obj <</Type /Page>>\n3 0 obj <</Type /Page >>\n%%EOF',
)
const printer = vi.fn<PdfPrinter>(() => Promise.resolve(FAKE_PDF))

beforeEach(async () => {
  dir = await tempDir()
  printer.mockClear()
  workspace = new Workspace({
    userDataDir: dir.path,
    store: { writeDelayMs: 10 },
    printPdf: printer,
  })
  await workspace.open(await copySample(dir.path))
  dispatch = createDispatch(workspace, { validateOutput: true })
})
afterEach(async () => {
  await workspace.close()
  await dir.cleanup()
})

async function value<T = unknown>(method: string, input: unknown): Promise<T> {
  const result = await dispatch(method, input)
  if (!result.ok) throw new Error(`${method} failed: ${result.error.code} ${result.error.message}`)
  return result.value as T
}

function errorOf(result: Result<unknown>) {
  if (result.ok) throw new Error('expected an error')
  return result.error
}

const SECTIONS = [
  { id: 's1', kind: 'note', noteId: 'note-nff-claim' },
  { id: 's2', kind: 'entity-table', entityType: 'group', columns: ['name', 'leaders', 'phase'] },
  { id: 's3', kind: 'graph', caption: 'Who leads whom' },
  { id: 's4', kind: 'quotes', annotationIds: ['ann-panjshir-dari'] },
]

async function createSampleReport(extra: Record<string, unknown> = {}): Promise<Report> {
  return value<Report>('reports.create', {
    title: 'Sample brief',
    author: 'A. Analyst',
    date: '2025-06-02',
    classification: 'UNCLASSIFIED',
    sections: SECTIONS,
    ...extra,
  })
}

describe('reports', () => {
  it('creates, lists, updates and deletes a report, and keeps it on disk', async () => {
    const created = await createSampleReport()
    expect(created.options).toEqual({ pageSize: 'A4', appendixOfEntityQuotes: false })
    expect(await value<Report[]>('reports.list', {})).toHaveLength(1)

    const updated = await value<Report>('reports.update', {
      id: created.id,
      patch: {
        title: 'Renamed',
        date: null,
        sections: [SECTIONS[2], SECTIONS[0]],
        options: { pageSize: 'Letter', margins: 'wide' },
      },
    })
    expect(updated.title).toBe('Renamed')
    expect(updated.date).toBeUndefined()
    expect(updated.sections.map((s) => s.id)).toEqual(['s3', 's1'])
    expect(updated.options).toEqual({
      pageSize: 'Letter',
      appendixOfEntityQuotes: false,
      margins: 'wide',
    })

    await workspace.current.flush()
    const onDisk = await readStored(workspace.current.folder)
    expect(onDisk.reports[0]?.title).toBe('Renamed')

    await value('reports.delete', { id: created.id })
    expect(await value<Report[]>('reports.list', {})).toEqual([])
    expect(errorOf(await dispatch('reports.get', { id: created.id })).code).toBe('not_found')
  })

  it('refuses invalid input and leaves the store unchanged', async () => {
    const created = await createSampleReport()
    const before = JSON.stringify(workspace.current.data.reports)
    const attempts = [
      { id: created.id, patch: { title: '   ' } },
      { id: created.id, patch: { sections: [SECTIONS[0], SECTIONS[0]] } },
      { id: created.id, patch: { sections: [{ id: 'x', kind: 'chart' }] } },
      { id: created.id, patch: { options: { pageSize: 'A3' } } },
      { id: created.id, patch: { classification: 'x'.repeat(501) } },
    ]
    for (const input of attempts) {
      expect(errorOf(await dispatch('reports.update', input)).code).toBe('invalid_input')
    }
    expect(JSON.stringify(workspace.current.data.reports)).toBe(before)
    expect(errorOf(await dispatch('reports.create', { title: '' })).code).toBe('invalid_input')
    expect(workspace.current.data.reports).toHaveLength(1)
  })

  it('offers the notes, quotes and entity types of the project to the composer', async () => {
    const choices = await value<{
      notes: { id: string; citations: number }[]
      quotes: { id: string }[]
      entityTypes: { type: string; count: number }[]
    }>('reports.choices', {})
    expect(choices.notes.find((n) => n.id === 'note-nff-claim')?.citations).toBe(3)
    expect(choices.quotes.map((q) => q.id)).toContain('ann-nff-70-percent')
    expect(choices.entityTypes.find((t) => t.type === 'group')?.count).toBeGreaterThanOrEqual(8)
  })

  it('renders the sample report to HTML with the note, the groups, the chart and numbered sources', async () => {
    const report = await createSampleReport({ options: { appendixOfEntityQuotes: true } })
    const { html, citations, fileName } = await value<{
      html: string
      citations: number
      fileName: string
    }>('reports.html', { id: report.id })
    expect(fileName).toBe('Sample-brief.html')
    // The NFF note cites three quotes; the quotes section adds the Dari one.
    expect(citations).toBe(4)
    const body = html.slice(html.indexOf('<body'))
    expect(body).toContain('consolidated about 70% of former Afghan security personnel')
    expect(body).toContain('Mohammad Yasin Zia')
    expect(body).toContain('<svg')
    expect(body).toContain('Who leads whom')
    expect(body).toContain('پنجشیر')
    expect(body).toContain('Appendix: the quotes behind each entity')
    // The filter keeps only the groups whose phase matches.
    await value('reports.update', {
      id: report.id,
      patch: {
        sections: [{ ...SECTIONS[1], filter: 'phase:guerrilla' }],
      },
    })
    const filtered = (await value<{ html: string }>('reports.html', { id: report.id })).html
    expect(filtered).toContain('National Resistance Front')
    expect(filtered).not.toContain('Wolf Unit')
  })

  it('exports Markdown with the same citations', async () => {
    const report = await createSampleReport()
    const { markdown } = await value<{ markdown: string }>('reports.markdown', { id: report.id })
    expect(markdown).toContain('# Sample brief')
    expect(markdown).toMatch(/consolidated about 70% of former security personnel \[1\]/)
    expect(markdown).toContain('## Sources and evidence')
  })

  it('hands the HTML and print options to the injected printer and returns the PDF', async () => {
    const report = await createSampleReport()
    const pdf = await value<{ base64: string; pages: number; fileName: string }>('reports.pdf', {
      id: report.id,
    })
    expect(printer).toHaveBeenCalledTimes(1)
    const [html, options] = printer.mock.calls[0]!
    expect(html).toContain('<h1 dir="auto">Sample brief</h1>')
    expect(options.pageSize).toBe('A4')
    expect(options.footerTemplate).toContain('UNCLASSIFIED')
    expect(Buffer.from(pdf.base64, 'base64')).toEqual(Buffer.from(FAKE_PDF))
    expect(pdf.pages).toBe(2)
    expect(pdf.fileName).toBe('Sample-brief.pdf')

    // The API writes no file where a caller says (an overwrite primitive; a UNC path would
    // reach out over SMB): a path is refused and nothing is written.
    const path = join(dir.path, 'out.pdf')
    expect(errorOf(await dispatch('reports.pdf', { id: report.id, path })).code).toBe(
      'invalid_input',
    )
    expect(existsSync(path)).toBe(false)
  })

  it('says plainly when no printer is available', async () => {
    const other = await tempDir()
    const bare = new Workspace({ userDataDir: other.path, store: { writeDelayMs: 10 } })
    await bare.open(await copySample(other.path))
    const bareDispatch = createDispatch(bare)
    const created = await bareDispatch('reports.create', { title: 'x' })
    if (!created.ok) throw new Error(created.error.message)
    const result = await bareDispatch('reports.pdf', { id: (created.value as Report).id })
    expect(errorOf(result).code).toBe('unavailable')
    expect(errorOf(result).message).toMatch(/no PDF printer/)
    await bare.close()
    await other.cleanup()
  })
})

describe('countPdfPages', () => {
  it('counts page objects, not the page tree', () => {
    expect(countPdfPages(FAKE_PDF)).toBe(2)
  })
})
