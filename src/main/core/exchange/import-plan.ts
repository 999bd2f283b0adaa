/**
 * An import's plan from the file's text to an ImportDraft and its preview, against a
 * project's records: the same code runs in the exchange worker (over the store's files)
 * and, when the files cannot be offered, on the main process in slices.
 */
import type { CsvMapping, ImportFormat, ImportPreview } from '../../../shared/contract'
import { emptyProjectFile, type ProjectFile } from '../../../shared/model'
import { AppError } from '../errors'
import { readCsv, planCsvImport, suggestMapping, parseRow, type CsvFile } from './csv/plan'
import { previewOf, type ImportDraft } from './draft'
import { ProjectIndex } from './project-index'
import { sha256Sliced, type Slicer } from './slices'
import { planStixImport } from './stix/plan'
import { readStixBundle, type StixBundle } from './stix/read'
import { uploadPartText, type UploadPart } from './upload-parts'
import { parseAnnotationFile, planW3cImport } from './w3c/plan'

export type ParsedImport =
  | { format: 'stix'; bundle: StixBundle; text: string; hash: string }
  | { format: 'w3c'; annotations: unknown[] }
  | { format: 'csv'; file: CsvFile; text: string; hash: string }

/** What the analyst asked for: the file and the options of the preview. */
export interface ImportRequest {
  fileName: string
  target: 'current' | 'new-project'
  csv?: CsvMapping
  sourceId?: string
}

/**
 * The uploaded file's text (its parts joined, without a byte-order mark) and its format
 * (as asked, or read from the file); refuses an empty file, and annotations for a new
 * project.
 */
export function readImportFile(
  parts: readonly UploadPart[],
  request: ImportRequest,
  format: ImportFormat | undefined,
): { text: string; format: ImportFormat } {
  const raw = parts.map(uploadPartText).join('')
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw
  if (!/\S/.test(text))
    throw new AppError('invalid_input', 'The file is empty. Nothing was imported.')
  const found = format ?? detectFormat(text, request.fileName)
  if (found === 'w3c' && request.target === 'new-project') {
    throw new AppError(
      'invalid_input',
      'Annotations belong on the sources they annotate: import them into the project that holds those sources.',
    )
  }
  return { text, format: found }
}

/** STIX bundles and W3C files are JSON objects (or a list of annotations); anything else is CSV. */
function detectFormat(text: string, fileName: string): ImportFormat {
  if (/\.(csv|tsv)$/i.test(fileName)) return 'csv'
  const start = text.trimStart().charAt(0)
  if (start === '[') return 'w3c'
  if (start !== '{') return 'csv'
  const head = text.slice(0, 4096)
  if (/"type"\s*:\s*"bundle"/.test(head) || /"objects"\s*:/.test(head)) return 'stix'
  if (/"@context"|"AnnotationCollection"|"AnnotationPage"|"rows"\s*:|"target"\s*:/.test(head))
    return 'w3c'
  return /"type"\s*:\s*"bundle"/.test(text) ? 'stix' : 'w3c'
}

export async function parseImport(
  text: string,
  format: ImportFormat,
  slicer: Slicer,
): Promise<ParsedImport> {
  switch (format) {
    case 'stix':
      return {
        format,
        bundle: await readStixBundle(text, slicer),
        text,
        hash: await sha256Sliced(text, slicer),
      }
    case 'w3c':
      return { format, annotations: parseAnnotationFile(text) }
    case 'csv':
      return {
        format,
        file: await readCsv(text, slicer),
        text,
        hash: await sha256Sliced(text, slicer),
      }
  }
}

export const EMPTY_PROJECT: Readonly<ProjectFile> = emptyProjectFile({
  id: 'new',
  name: 'new',
  description: '',
  createdAt: '',
  updatedAt: '',
})

export interface PlannedImport {
  draft: ImportDraft
  /** CSV: the mapping used (the one asked for, or the one suggested from the headers). */
  mapping?: CsvMapping
}

/**
 * Plans `parsed` against `data`; `readSourceText` reads the text of a source already in
 * the project (null for a new project, which has none).
 */
export async function planImport(
  request: ImportRequest,
  parsed: ParsedImport,
  data: Readonly<ProjectFile>,
  readSourceText: ((contentHash: string) => Promise<string>) | null,
  slicer: Slicer,
): Promise<PlannedImport> {
  const index = await ProjectIndex.of(data, slicer)
  const now = new Date().toISOString()
  const readText = (hash: string): Promise<string> => {
    if (!readSourceText) throw new AppError('internal', 'A new project has no sources to read.')
    return readSourceText(hash)
  }
  switch (parsed.format) {
    case 'stix':
      return {
        draft: await planStixImport({
          bundle: parsed.bundle,
          text: parsed.text,
          contentHash: parsed.hash,
          fileName: request.fileName,
          index,
          readSourceText: readText,
          now,
          slicer,
        }),
      }
    case 'w3c':
      return {
        draft: await planW3cImport(parsed.annotations, {
          index,
          ...(request.sourceId ? { sourceId: request.sourceId } : {}),
          sources: data.sources,
          readSourceText: readText,
          now,
          slicer,
        }),
      }
    case 'csv': {
      const sample = parsed.file.rows
        .slice(0, 20)
        .map((span) => parseRow(parsed.text, span, parsed.file.delimiter))
      const mapping = request.csv ?? suggestMapping(parsed.file.headers, sample)
      return {
        mapping,
        draft: await planCsvImport(parsed.file, {
          text: parsed.text,
          contentHash: parsed.hash,
          fileName: request.fileName,
          mapping,
          index,
          now,
          slicer,
        }),
      }
    }
  }
}

export function previewOfPlan(
  planId: string,
  request: ImportRequest,
  parsed: ParsedImport,
  planned: PlannedImport,
  slicer: Slicer,
): Promise<ImportPreview> {
  const { mapping } = planned
  return previewOf(
    planned.draft,
    {
      planId,
      format: parsed.format,
      fileName: request.fileName,
      target: request.target,
      ...(parsed.format === 'csv' && mapping
        ? {
            csv: {
              headers: parsed.file.headers,
              mapping,
              sample: parsed.file.rows
                .slice(0, 5)
                .map((span) => parseRow(parsed.text, span, parsed.file.delimiter)),
              rows: parsed.file.rows.length,
            },
          }
        : {}),
    },
    slicer,
  )
}

/** The texts a draft stores (the imported file itself first), by content hash. */
export function draftTexts(draft: ImportDraft): { contentHash: string; text: string }[] {
  return [...(draft.dataset ? [draft.dataset] : []), ...draft.sources].map((source) => ({
    contentHash: source.record.contentHash,
    text: source.text,
  }))
}
