import type { SourceSummary, SourceWithText } from '../../../shared/contract'
import { notFound } from '../errors'
import type { ProjectStore } from '../project-store'

export function listSources(store: ProjectStore): SourceSummary[] {
  const counts = new Map<string, number>()
  for (const a of store.data.annotations) counts.set(a.sourceId, (counts.get(a.sourceId) ?? 0) + 1)
  return store.data.sources
    .map((source) => ({ source, annotationCount: counts.get(source.id) ?? 0 }))
    .sort((a, b) => newest(b.source).localeCompare(newest(a.source)))
}

export async function getSource(store: ProjectStore, id: string): Promise<SourceWithText> {
  const source = store.data.sources.find((s) => s.id === id)
  if (!source) throw notFound('source', id)
  const text = await store.readSourceText(source.contentHash)
  const annotations = store.data.annotations
    .filter((a) => a.sourceId === id)
    .sort((a, b) => a.target.position.start - b.target.position.start)
  return { source, text, annotations }
}

function newest(source: { publishedAt?: string; createdAt: string }): string {
  return source.publishedAt ?? source.createdAt.slice(0, 10)
}
