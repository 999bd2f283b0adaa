/**
 * W3C Web Annotations onto the project's sources: an AnnotationCollection or page (ours or
 * another tool's), a list of annotations, or what the Hypothesis API returns (`rows`, each
 * with target[].selector[] and `text`, `tags`). Each annotation finds its source by address
 * or text hash (or the one the analyst chose) and is anchored with Sightline's anchoring:
 * where its words changed or are gone it is kept, fuzzy or orphaned, in the review queue.
 */
import approxSearch from 'approx-string-match'
import { reanchor } from '../../../../shared/anchoring'
import {
  ANNOTATION_KINDS,
  Annotation,
  type AnnotationTarget,
  type SourceRecord,
} from '../../../../shared/model'
import { AppError } from '../../errors'
import { findShapeProblems } from '../../safe-json'
import { emptyDraft, item, type ImportDraft } from '../draft'
import { asRecord, line, lines, number, text, timestampOr } from '../fields'
import { uuidV5 } from '../ids'
import type { ProjectIndex } from '../project-index'
import type { Slicer } from '../slices'
import { compiledSchema } from '../../store/collections'

const MAX_QUOTE = 20_000
const MAX_DEPTH = 32

interface Incoming {
  ref: string
  uuid: string | null
  source: string | undefined
  quote: { exact: string; prefix: string; suffix: string } | undefined
  position: { start: number; end: number } | undefined
  comment: string
  tags: string[]
  credibility: number | undefined
  kind: Annotation['kind'] | undefined
  entities: { iri?: string; name?: string }[]
  created: unknown
  modified: unknown
}

function asList(value: unknown): unknown[] {
  return Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
}

function types(value: unknown): string[] {
  return asList(value).filter((t): t is string => typeof t === 'string')
}

/** The annotations of any accepted shape, in file order. */
function annotationsIn(document: unknown): unknown[] {
  if (Array.isArray(document)) return document
  const record = asRecord(document)
  if (!record) return []
  if (Array.isArray(record.rows)) return record.rows
  const kinds = types(record.type)
  if (kinds.includes('AnnotationCollection')) {
    const out: unknown[] = []
    let page = asRecord(record.first)
    const seen = new Set<unknown>()
    while (page && !seen.has(page)) {
      seen.add(page)
      out.push(...asList(page.items))
      page = asRecord(page.next)
    }
    return out
  }
  if (kinds.includes('AnnotationPage')) return asList(record.items)
  if (kinds.includes('Annotation') || record.target !== undefined) return [record]
  return []
}

function readSelectors(target: Record<string, unknown>): Pick<Incoming, 'quote' | 'position'> {
  let quote: Incoming['quote']
  let position: Incoming['position']
  for (const raw of asList(target.selector)) {
    const selector = asRecord(raw)
    if (!selector) continue
    if (selector.type === 'TextQuoteSelector' && typeof selector.exact === 'string' && !quote) {
      quote = {
        exact: selector.exact,
        prefix: typeof selector.prefix === 'string' ? selector.prefix.slice(-200) : '',
        suffix: typeof selector.suffix === 'string' ? selector.suffix.slice(0, 200) : '',
      }
    }
    if (selector.type === 'TextPositionSelector' && !position) {
      const start = number(selector.start)
      const end = number(selector.end)
      if (
        start !== undefined &&
        end !== undefined &&
        Number.isInteger(start) &&
        end > start &&
        start >= 0
      ) {
        position = { start, end }
      }
    }
  }
  return { quote, position }
}

/** One annotation of either shape, reduced to what Sightline keeps. */
function readIncoming(raw: unknown, index: number): Incoming | string {
  const record = asRecord(raw)
  if (!record) return 'it is not an object'
  const id = typeof record.id === 'string' ? record.id : undefined
  const target = asList(record.target)
    .map((t) => (typeof t === 'string' ? { source: t } : asRecord(t)))
    .find((t): t is Record<string, unknown> => !!t)
  const sourceValue = target?.source
  const source =
    typeof sourceValue === 'string'
      ? sourceValue
      : typeof asRecord(sourceValue)?.id === 'string'
        ? (asRecord(sourceValue)!.id as string)
        : typeof record.uri === 'string'
          ? record.uri
          : undefined
  const selectors = target ? readSelectors(target) : { quote: undefined, position: undefined }
  const comments: string[] = []
  const tags = lines(record.tags, 64)
  let credibility: number | undefined
  let kind: Annotation['kind'] | undefined
  const entities: Incoming['entities'] = []
  if (typeof record.text === 'string') comments.push(record.text)
  if (typeof record.bodyValue === 'string') comments.push(record.bodyValue)
  for (const rawBody of asList(record.body)) {
    const body = typeof rawBody === 'string' ? { id: rawBody } : asRecord(rawBody)
    if (!body) continue
    const purposes = types(body.purpose)
    const motivation = types(record.motivation)
    const value = typeof body.value === 'string' ? body.value : undefined
    const has = (purpose: string): boolean =>
      purposes.includes(purpose) || (purposes.length === 0 && motivation.includes(purpose))
    if (has('identifying')) {
      const iri =
        typeof body.id === 'string'
          ? body.id
          : typeof body.source === 'string'
            ? body.source
            : undefined
      if (iri || value)
        entities.push({ ...(iri ? { iri } : {}), ...(value ? { name: value } : {}) })
    } else if (has('tagging')) {
      if (value && value.trim()) tags.push(value.trim().slice(0, 64))
    } else if (has('assessing')) {
      const grade = value ? /([1-6])\s*$/.exec(value.trim()) : null
      if (grade) credibility = Number(grade[1])
    } else if (has('classifying')) {
      const found = ANNOTATION_KINDS.find((k) => k === value?.trim())
      if (found) kind = found
      else if (value && value.trim()) tags.push(value.trim().slice(0, 64))
    } else if (value) {
      comments.push(value)
    }
  }
  const uuid = id?.startsWith('urn:uuid:') ? id.slice(9).toLowerCase() : null
  return {
    ref: id ?? `annotation ${index + 1}`,
    uuid: uuid && /^[0-9a-f-]{36}$/.test(uuid) ? uuid : null,
    source,
    ...selectors,
    comment: comments
      .map((c) => text(c) ?? '')
      .filter(Boolean)
      .join('\n\n'),
    tags: [...new Set(tags)].slice(0, 100),
    credibility,
    kind,
    entities,
    created: record.created,
    modified: record.modified,
  }
}

export interface W3cPlanInput {
  index: ProjectIndex
  /** Anchor everything on this source instead of matching by address or hash. */
  sourceId?: string
  sources: readonly SourceRecord[]
  readSourceText: (contentHash: string) => Promise<string>
  now: string
  slicer: Slicer
}

/** Parses the file; refuses, with its reason, what is not JSON or nested too deep. */
export function parseAnnotationFile(content: string): unknown[] {
  let document: unknown
  try {
    document = JSON.parse(content)
  } catch (error) {
    throw new AppError(
      'invalid_input',
      `This file is not JSON (${(error as Error).message}). Nothing was imported.`,
    )
  }
  const [problem] = findShapeProblems(document, {
    maxDepth: MAX_DEPTH,
    maxNodes: 20_000_000,
    maxProblems: 1,
  })
  if (problem)
    throw new AppError(
      'invalid_input',
      `This file cannot be imported: ${problem}. Nothing was imported.`,
    )
  const annotations = annotationsIn(document)
  if (annotations.length === 0) {
    throw new AppError(
      'invalid_input',
      'This file holds no W3C annotations (an AnnotationCollection, an AnnotationPage, annotations, or Hypothesis API rows). Nothing was imported.',
    )
  }
  return annotations
}

export async function planW3cImport(
  annotations: unknown[],
  input: W3cPlanInput,
): Promise<ImportDraft> {
  const { index, slicer, now } = input
  const draft = emptyDraft()
  const texts = new Map<string, string>()
  const chosen = input.sourceId ? input.sources.find((s) => s.id === input.sourceId) : undefined
  if (input.sourceId && !chosen)
    throw new AppError('not_found', `No source with id "${input.sourceId}" in this project.`)
  let unnamedEntities = 0
  for (const [position, raw] of annotations.entries()) {
    if ((position & 255) === 0)
      slicer.progress('Anchoring the annotations', position, annotations.length)
    await slicer.tick()
    const incoming = readIncoming(raw, position)
    if (typeof incoming === 'string') {
      draft.items.push(
        item('skip', 'quote', `annotation ${position + 1}`, `annotation ${position + 1}`, {
          reason: incoming,
        }),
      )
      continue
    }
    const shown = incoming.quote?.exact ?? incoming.ref
    if (!incoming.quote || !incoming.quote.exact.trim()) {
      draft.items.push(
        item('skip', 'quote', incoming.ref, shown, {
          reason: 'it has no TextQuoteSelector, so its words cannot be checked',
        }),
      )
      continue
    }
    if (incoming.quote.exact.length > MAX_QUOTE) {
      draft.items.push(
        item('skip', 'quote', incoming.ref, shown, {
          reason: `its quote is longer than ${MAX_QUOTE.toLocaleString('en')} characters`,
        }),
      )
      continue
    }
    const source = chosen ?? findSource(incoming.source, index)
    if (!source) {
      draft.items.push(
        item('skip', 'quote', incoming.ref, shown, {
          reason: incoming.source
            ? `no source in this project has ${incoming.source.startsWith('urn:sha256:') ? 'this text (by hash)' : `the address ${incoming.source}`}`
            : 'it does not say which document it annotates',
        }),
      )
      continue
    }
    let sourceText = texts.get(source.contentHash)
    if (sourceText === undefined) {
      sourceText = await input.readSourceText(source.contentHash)
      texts.set(source.contentHash, sourceText)
    }
    const stated: AnnotationTarget = {
      quote: { type: 'TextQuoteSelector', ...incoming.quote },
      position: {
        type: 'TextPositionSelector',
        start: incoming.position?.start ?? 0,
        end: incoming.position?.end ?? incoming.quote.exact.length,
      },
    }
    const found = reanchor(sourceText, stated, { fuzzy: approxSearch })
    const entityIds: string[] = []
    for (const wanted of incoming.entities) {
      const entity = matchEntity(wanted, index)
      if (entity && !entityIds.includes(entity.id)) entityIds.push(entity.id)
      if (!entity) unnamedEntities++
    }
    const existing =
      (incoming.uuid ? index.annotationIdByUuid(incoming.uuid) : undefined) ??
      index.annotationAt(source.id, found.target.position.start, found.target.quote.exact)
    if (existing) {
      const previous = draft.annotationAdditions.get(existing)
      draft.annotationAdditions.set(existing, {
        entityIds: [...(previous?.entityIds ?? []), ...entityIds],
        tags: [...(previous?.tags ?? []), ...incoming.tags],
      })
      draft.items.push(
        item('merge', 'quote', incoming.ref, shown, {
          reason: 'the project has this annotation already; links and tags it lacks are added',
          target: { id: existing, label: source.title },
        }),
      )
      continue
    }
    const id = incoming.uuid
      ? `note--${incoming.uuid}`
      : `note--${uuidV5(`w3c:${source.id}:${incoming.ref}`)}`
    const parsed = compiledSchema(Annotation).safeParse({
      id: index.ids.has(id) ? `note--${uuidV5(`w3c:${id}:${now}`)}` : id,
      createdAt: timestampOr(incoming.created, now),
      updatedAt: timestampOr(incoming.modified, now),
      sourceId: source.id,
      target: found.target,
      comment: incoming.comment,
      kind: incoming.kind ?? 'quote',
      credibility: incoming.credibility ?? 6,
      entityIds,
      tags: incoming.tags,
      anchor: found.anchor,
    })
    if (!parsed.success) {
      draft.items.push(
        item('skip', 'quote', incoming.ref, shown, { reason: parsed.error.issues[0]!.message }),
      )
      continue
    }
    draft.annotations.push(parsed.data)
    index.addAnnotationId(parsed.data.id, incoming.uuid, source.id, parsed.data.target)
    const state = found.anchor.state
    draft.items.push(
      item('create', 'quote', incoming.ref, shown, {
        detail: source.title,
        ...(state === 'fuzzy' || state === 'orphaned'
          ? {
              reason: `its words ${state === 'fuzzy' ? 'changed' : 'were not found'} in the source: it waits in the review queue`,
            }
          : {}),
      }),
    )
  }
  if (unnamedEntities > 0) {
    draft.notes.push(
      `${unnamedEntities} entity link${unnamedEntities === 1 ? '' : 's'} named an entity this project does not have (or has twice); ${unnamedEntities === 1 ? 'it was' : 'they were'} left out.`,
    )
  }
  slicer.progress('Anchoring the annotations', annotations.length, annotations.length)
  return draft
}

function findSource(address: string | undefined, index: ProjectIndex): SourceRecord | undefined {
  if (!address) return undefined
  const hash = /^urn:sha256:([0-9a-fA-F]{64})$/.exec(address)?.[1]
  return hash ? index.sourceByHash(hash) : index.sourceByUrl(address)
}

function matchEntity(wanted: { iri?: string; name?: string }, index: ProjectIndex) {
  const uuid = wanted.iri?.startsWith('urn:uuid:') ? wanted.iri.slice(9).toLowerCase() : undefined
  const byIri = uuid ? index.entityByUuid(uuid) : undefined
  if (byIri) return byIri
  if (!wanted.name) return undefined
  const named = index.entitiesNamedAnyType(line(wanted.name) ?? '')
  return named.length === 1 ? named[0] : undefined
}
