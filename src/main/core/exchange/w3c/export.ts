/**
 * Annotations as a W3C Web Annotation collection (JSON-LD, anno.jsonld), the shape
 * Hypothesis and other annotation tools read. Each annotation targets its source (the
 * address when known, else urn:sha256 of the text) with both a TextQuoteSelector and a
 * TextPositionSelector in UTF-16 offsets of Sightline's normalized text. Bodies carry the
 * comment (commenting), tags (tagging), the Admiralty grade (assessing), the kind
 * (classifying) and the linked entities (identifying, with the entity's IRI).
 */
import { randomUUID } from 'node:crypto'
import type { Annotation, Entity, SourceRecord } from '../../../../shared/model'
import { recordIri, uuidV5 } from '../ids'
import type { Slicer } from '../slices'

const ANNO_CONTEXT = 'http://www.w3.org/ns/anno.jsonld'

/** Where a target points: the source's address, else its text by hash. */
function targetSource(source: SourceRecord): string {
  return source.url ?? `urn:sha256:${source.contentHash}`
}

function annotationItem(
  annotation: Annotation,
  source: SourceRecord,
  entityById: ReadonlyMap<string, Entity>,
): Record<string, unknown> {
  const body: Record<string, unknown>[] = []
  if (annotation.comment) {
    body.push({
      type: 'TextualBody',
      purpose: 'commenting',
      value: annotation.comment,
      format: 'text/plain',
    })
  }
  for (const tag of annotation.tags)
    body.push({ type: 'TextualBody', purpose: 'tagging', value: tag })
  body.push({
    type: 'TextualBody',
    purpose: 'assessing',
    value: `${source.reliability}${annotation.credibility}`,
  })
  body.push({ type: 'TextualBody', purpose: 'classifying', value: annotation.kind })
  for (const id of annotation.entityIds) {
    const entity = entityById.get(id)
    if (!entity) continue
    body.push({
      type: 'TextualBody',
      purpose: 'identifying',
      id: recordIri('entity', entity.id),
      value: entity.name,
    })
  }
  const { quote, position } = annotation.target
  return {
    id: recordIri('annotation', annotation.id),
    type: 'Annotation',
    motivation: annotation.comment ? 'commenting' : 'highlighting',
    created: annotation.createdAt,
    modified: annotation.updatedAt,
    body,
    target: {
      source: targetSource(source),
      selector: [
        {
          type: 'TextQuoteSelector',
          exact: quote.exact,
          prefix: quote.prefix,
          suffix: quote.suffix,
        },
        { type: 'TextPositionSelector', start: position.start, end: position.end },
      ],
    },
  }
}

export async function writeAnnotationCollection(
  label: string,
  sources: readonly SourceRecord[],
  annotations: readonly Annotation[],
  entities: readonly Entity[],
  slicer: Slicer,
): Promise<{ text: string; count: number }> {
  const sourceById = new Map(sources.map((s) => [s.id, s]))
  const entityById = new Map(entities.map((e) => [e.id, e]))
  const ordered = annotations
    .filter((a) => sourceById.has(a.sourceId))
    .sort(
      (a, b) =>
        a.sourceId.localeCompare(b.sourceId) || a.target.position.start - b.target.position.start,
    )
  const items: string[] = []
  for (const annotation of ordered) {
    items.push(
      JSON.stringify(annotationItem(annotation, sourceById.get(annotation.sourceId)!, entityById)),
    )
    if ((items.length & 1023) === 0)
      slicer.progress('Writing the annotations', items.length, ordered.length)
    await slicer.tick()
  }
  const collectionId = `urn:uuid:${randomUUID()}`
  const head = {
    '@context': ANNO_CONTEXT,
    id: collectionId,
    type: 'AnnotationCollection',
    label,
    total: items.length,
  }
  const page = {
    id: `urn:uuid:${uuidV5(`${collectionId}#page-1`)}`,
    type: 'AnnotationPage',
    partOf: collectionId,
    startIndex: 0,
  }
  const headText = JSON.stringify(head).slice(0, -1)
  const pageText = JSON.stringify(page).slice(0, -1)
  const text = `${headText},"first":${pageText},"items":[\n${items.join(',\n')}\n]}}\n`
  return { text, count: items.length }
}
