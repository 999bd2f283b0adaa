/**
 * Helpers for tests of the exchange: upload a text in chunks as the dialog does, preview
 * and apply it, and describe a project's records by names (ids differ between projects)
 * so two projects can be compared.
 */
import { UPLOAD_CHUNK_CHARS, type ImportPreview } from '../../src/shared/contract'
import type { ProjectFile } from '../../src/shared/model'
import type { SampleSession } from './sample-dispatch'

let uploads = 0

export async function upload(session: SampleSession, text: string): Promise<string> {
  const uploadId = `test-upload-${++uploads}`
  for (let index = 0; index === 0 || index * UPLOAD_CHUNK_CHARS < text.length; index++) {
    await session.value('exchange.upload', {
      uploadId,
      index,
      text: text.slice(index * UPLOAD_CHUNK_CHARS, (index + 1) * UPLOAD_CHUNK_CHARS),
    })
  }
  return uploadId
}

export async function preview(
  session: SampleSession,
  text: string,
  fileName: string,
  options: Record<string, unknown> = {},
): Promise<ImportPreview> {
  const uploadId = await upload(session, text)
  return session.value('exchange.preview', { uploadId, fileName, target: 'current', ...options })
}

export interface DescribedProject {
  entities: string[]
  relations: string[]
  quotes: string[]
  evidence: string[]
}

/**
 * Entities, relations and quotes as sorted lines of text. Quotes on "dataset" sources
 * (the imported file quoted by what came from it) are left out: they record the import.
 */
export function describeProject(data: Readonly<ProjectFile>): DescribedProject {
  const name = new Map(data.entities.map((e) => [e.id, e.name]))
  const datasets = new Set(data.sources.filter((s) => s.kind === 'dataset').map((s) => s.id))
  const quotes = new Map(
    data.annotations.filter((a) => !datasets.has(a.sourceId)).map((a) => [a.id, a]),
  )
  const sorted = (values: string[]): string[] => values.sort()
  return {
    entities: sorted(
      data.entities.map((e) =>
        JSON.stringify([
          e.type,
          e.name,
          [...e.aliases].sort(),
          e.description,
          Object.entries(e.attributes).sort(([a], [b]) => a.localeCompare(b)),
        ]),
      ),
    ),
    relations: sorted(
      data.relations.map((r) =>
        JSON.stringify([
          name.get(r.from),
          r.type,
          name.get(r.to),
          r.confidence,
          r.validFrom ?? null,
          r.validTo ?? null,
          r.comment,
        ]),
      ),
    ),
    quotes: sorted(
      [...quotes.values()].map((a) =>
        JSON.stringify([
          a.target.quote.exact,
          a.comment,
          a.kind,
          a.credibility,
          [...a.tags].sort(),
          a.entityIds.map((id) => name.get(id)).sort(),
        ]),
      ),
    ),
    evidence: sorted(
      data.relations.map((r) =>
        JSON.stringify([
          name.get(r.from),
          r.type,
          name.get(r.to),
          r.evidence
            .filter((id) => quotes.has(id))
            .map((id) => quotes.get(id)!.target.quote.exact)
            .sort(),
        ]),
      ),
    ),
  }
}
