import { randomUUID } from 'node:crypto'
import type {
  AnnotationDependents,
  MethodOutput,
  ParsedInput,
  ReviewItem,
} from '../../../shared/contract'
import { describeRange } from '../../../shared/anchoring'
import { Annotation, type AnnotationTarget, type SourceRecord } from '../../../shared/model'
import { AppError, appError, notFound } from '../errors'
import type { ProjectStore } from '../project-store'
import { UnsafeFileError } from '../safe-files'
import { findSource, readSourceText } from './sources'
import { validRecord } from './validate'
import { notesCiting } from './notes'
import { analysesCiting } from './analyses'

function findAnnotation(store: ProjectStore, id: string): Annotation {
  const annotation = store.data.annotations.find((a) => a.id === id)
  if (!annotation) throw notFound('annotation', id)
  return annotation
}

export function getAnnotation(store: ProjectStore, id: string): MethodOutput<'annotations.get'> {
  const annotation = findAnnotation(store, id)
  return { annotation, source: findSource(store, annotation.sourceId) }
}

/** The selectors for a range the analyst selected, checked against the stored text. */
async function targetForSelection(
  store: ProjectStore,
  source: SourceRecord,
  selection: { start: number; end: number; exact: string; contentHash: string },
): Promise<AnnotationTarget> {
  if (selection.contentHash !== source.contentHash) {
    throw appError('conflict', 'selectionTextChanged')
  }
  const text = await readSourceText(store, source)
  if (selection.end > text.length || selection.end <= selection.start) {
    throw appError('invalid_input', 'selectionOutsideText')
  }
  if (text.slice(selection.start, selection.end) !== selection.exact) {
    throw appError('conflict', 'selectionWordsMoved')
  }
  return describeRange(text, selection.start, selection.end)
}

function checkEntities(store: ProjectStore, ids: readonly string[]): string[] {
  const known = new Set(store.data.entities.map((e) => e.id))
  const missing = ids.filter((id) => !known.has(id))
  if (missing.length > 0) throw notFound('entity', missing[0]!)
  return [...new Set(ids)]
}

function cleanTags(tags: readonly string[]): string[] {
  return [...new Set(tags.map((t) => t.trim()).filter(Boolean))]
}

export async function createAnnotation(
  store: ProjectStore,
  input: ParsedInput<'annotations.create'>,
): Promise<Annotation> {
  const source = findSource(store, input.sourceId)
  const target = await targetForSelection(store, source, input)
  const now = new Date().toISOString()
  const annotation = validRecord(
    Annotation,
    {
      id: randomUUID(),
      createdAt: now,
      updatedAt: now,
      sourceId: source.id,
      target,
      comment: input.comment?.trim() ?? '',
      kind: input.kind,
      credibility: input.credibility,
      entityIds: checkEntities(store, input.entityIds ?? []),
      tags: cleanTags(input.tags ?? []),
      anchor: { state: 'exact' },
    },
    'annotation',
  )
  store.mutate((data) => {
    if (!data.sources.some((s) => s.id === source.id)) throw notFound('source', source.id)
    data.annotations.push(annotation)
  })
  return annotation
}

export function updateAnnotation(
  store: ProjectStore,
  input: ParsedInput<'annotations.update'>,
): Annotation {
  const current = findAnnotation(store, input.id)
  const { patch } = input
  const next = validRecord(
    Annotation,
    {
      ...current,
      ...(patch.kind !== undefined ? { kind: patch.kind } : {}),
      ...(patch.comment !== undefined ? { comment: patch.comment.trim() } : {}),
      ...(patch.credibility !== undefined ? { credibility: patch.credibility } : {}),
      ...(patch.entityIds !== undefined
        ? { entityIds: checkEntities(store, patch.entityIds) }
        : {}),
      ...(patch.tags !== undefined ? { tags: cleanTags(patch.tags) } : {}),
      updatedAt: new Date().toISOString(),
    },
    'annotation',
  )
  replace(store, next)
  return next
}

export function annotationDependents(store: ProjectStore, id: string): AnnotationDependents {
  findAnnotation(store, id)
  const names = new Map(store.data.entities.map((e) => [e.id, e.name]))
  return {
    relations: store.data.relations
      .filter((r) => r.evidence.includes(id))
      .map((r) => ({
        id: r.id,
        label: `${names.get(r.from) ?? r.from} ${r.type.replace(/-/g, ' ')} ${names.get(r.to) ?? r.to}`,
      })),
    // The same parse as the notes' own backlinks: a citation in a code block is no citation.
    notes: notesCiting(store, id).map((n) => ({ id: n.id, title: n.title })),
    analyses: analysesCiting(store.data, id),
  }
}

export function deleteAnnotation(
  store: ProjectStore,
  id: string,
): MethodOutput<'annotations.delete'> {
  const dependents = annotationDependents(store, id)
  store.mutate((data) => {
    const now = new Date().toISOString()
    data.relations = data.relations.map((relation) =>
      relation.evidence.includes(id)
        ? { ...relation, evidence: relation.evidence.filter((e) => e !== id), updatedAt: now }
        : relation,
    )
    data.annotations = data.annotations.filter((a) => a.id !== id)
  })
  return { id, dependents }
}

export async function acceptAnchor(store: ProjectStore, id: string): Promise<Annotation> {
  const current = findAnnotation(store, id)
  if (current.anchor.state !== 'fuzzy') {
    throw new AppError(
      'invalid_input',
      current.anchor.state === 'orphaned'
        ? 'This annotation lost its place; select the passage again instead.'
        : 'This annotation is anchored already; there is nothing to accept.',
    )
  }
  const source = findSource(store, current.sourceId)
  const text = await readSourceText(store, source)
  const { start, end } = current.target.position
  if (end > text.length) throw appError('conflict', 'reviewTextChanged')
  const next = validRecord(
    Annotation,
    {
      ...current,
      target: describeRange(text, start, end),
      anchor: { state: 'exact' },
      updatedAt: new Date().toISOString(),
    },
    'annotation',
  )
  replace(store, next)
  return next
}

export async function reselectAnchor(
  store: ProjectStore,
  input: ParsedInput<'annotations.reselect'>,
): Promise<Annotation> {
  const current = findAnnotation(store, input.id)
  const source = findSource(store, current.sourceId)
  const target = await targetForSelection(store, source, input)
  const next = validRecord(
    Annotation,
    { ...current, target, anchor: { state: 'exact' }, updatedAt: new Date().toISOString() },
    'annotation',
  )
  replace(store, next)
  return next
}

export async function reviewQueue(
  store: ProjectStore,
  input: ParsedInput<'annotations.review'>,
): Promise<ReviewItem[]> {
  const sources = new Map(store.data.sources.map((s) => [s.id, s]))
  if (input.sourceId) {
    // Checking the one source's file now, so its damage shows even before anything read it.
    const source = sources.get(input.sourceId)
    if (source) await store.readSourceText(source.contentHash, source.length).catch(() => null)
  }
  const damaged = (source: SourceRecord): string | undefined =>
    store.files.damageOf(source.contentHash)?.message
  const waiting = store.data.annotations.filter((a) => {
    if (input.sourceId && a.sourceId !== input.sourceId) return false
    const source = sources.get(a.sourceId)
    return (
      a.anchor.state === 'fuzzy' || a.anchor.state === 'orphaned' || (!!source && !!damaged(source))
    )
  })
  const texts = new Map<string, string>()
  const items: ReviewItem[] = []
  for (const annotation of waiting) {
    const source = sources.get(annotation.sourceId)
    if (!source) continue
    const sourceDamage = damaged(source)
    if (sourceDamage) {
      items.push({ annotation, sourceTitle: source.title, currentText: null, sourceDamage })
      continue
    }
    let currentText: string | null = null
    if (annotation.anchor.state === 'fuzzy') {
      let text = texts.get(source.id)
      if (text === undefined) {
        try {
          text = await store.readSourceText(source.contentHash, source.length)
        } catch (error) {
          if (!(error instanceof UnsafeFileError)) throw error
          items.push({
            annotation,
            sourceTitle: source.title,
            currentText: null,
            sourceDamage: damaged(source) ?? error.message,
          })
          continue
        }
        texts.set(source.id, text)
      }
      currentText = text.slice(annotation.target.position.start, annotation.target.position.end)
    }
    items.push({ annotation, sourceTitle: source.title, currentText })
  }
  return items.sort(
    (a, b) =>
      a.sourceTitle.localeCompare(b.sourceTitle) ||
      a.annotation.target.position.start - b.annotation.target.position.start,
  )
}

export function annotationTags(store: ProjectStore): string[] {
  const counts = new Map<string, number>()
  for (const a of store.data.annotations)
    for (const t of a.tags) counts.set(t, (counts.get(t) ?? 0) + 1)
  return [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).map(([t]) => t)
}

function replace(store: ProjectStore, next: Annotation): void {
  store.mutate((data) => {
    const index = data.annotations.findIndex((a) => a.id === next.id)
    if (index === -1) throw notFound('annotation', next.id)
    data.annotations[index] = next
  })
}
