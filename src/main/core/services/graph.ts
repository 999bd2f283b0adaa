import type {
  GraphEdge,
  GraphElements,
  GraphImage,
  GraphImageInfo,
  GraphNode,
  MethodOutput,
  ParsedInput,
  Point,
} from '../../../shared/contract'
import { ProjectViews } from '../../../shared/model'
import { appError } from '../errors'
import type { ProjectStore } from '../project-store'
import { validRecord } from './validate'

/** Entities and relations as chart elements, with evidence counts and the saved positions. */
export function graphElements(store: ProjectStore): GraphElements {
  const data = store.data
  const credibilityOf = new Map(data.annotations.map((a) => [a.id, a.credibility]))
  const support = new Map<string, Set<string>>()
  const degree = new Map<string, number>()
  const supportOf = (entityId: string): Set<string> => {
    let set = support.get(entityId)
    if (!set) support.set(entityId, (set = new Set()))
    return set
  }
  for (const annotation of data.annotations) {
    for (const entityId of annotation.entityIds) supportOf(entityId).add(annotation.id)
  }

  const edges: GraphEdge[] = data.relations.map((relation) => {
    let count = 0
    let best: number | undefined
    for (const annotationId of relation.evidence) {
      const credibility = credibilityOf.get(annotationId)
      if (credibility === undefined) continue
      count++
      if (best === undefined || credibility < best) best = credibility
      supportOf(relation.from).add(annotationId)
      supportOf(relation.to).add(annotationId)
    }
    degree.set(relation.from, (degree.get(relation.from) ?? 0) + 1)
    degree.set(relation.to, (degree.get(relation.to) ?? 0) + 1)
    return {
      id: relation.id,
      type: relation.type,
      from: relation.from,
      to: relation.to,
      evidence: relation.evidence,
      evidenceCount: count,
      ...(best !== undefined ? { bestCredibility: best } : {}),
      supported: count > 0,
    }
  })

  const nodes: GraphNode[] = data.entities.map((entity) => {
    const annotations = support.get(entity.id)
    let best: number | undefined
    for (const annotationId of annotations ?? []) {
      const credibility = credibilityOf.get(annotationId)
      if (credibility !== undefined && (best === undefined || credibility < best))
        best = credibility
    }
    const acronym = entity.attributes['acronym']
    const alsoKnownAs = [
      ...(typeof acronym === 'string' && acronym.trim() ? [acronym] : []),
      ...entity.aliases,
    ]
    return {
      id: entity.id,
      type: entity.type,
      name: entity.name,
      ...(alsoKnownAs.length > 0 ? { alsoKnownAs } : {}),
      evidenceCount: annotations?.size ?? 0,
      ...(best !== undefined ? { bestCredibility: best } : {}),
      degree: degree.get(entity.id) ?? 0,
    }
  })

  const saved = data.views.graphPositions ?? {}
  const positions: Record<string, Point> = {}
  for (const entity of data.entities) {
    const point = saved[entity.id]
    if (point) positions[entity.id] = point
  }
  return { nodes, edges, positions }
}

/** Merges positions into the saved ones; entities deleted meanwhile are skipped, not refused. */
export function saveGraphPositions(
  store: ProjectStore,
  input: ParsedInput<'graph.savePositions'>,
): MethodOutput<'graph.savePositions'> {
  const entityIds = new Set(store.data.entities.map((e) => e.id))
  const known = Object.entries(input.positions).filter(([id]) => entityIds.has(id))
  const skipped = Object.keys(input.positions).length - known.length
  if (known.length === 0) return { saved: 0, skipped }
  const current = store.data.views.graphPositions ?? {}
  // Positions of entities deleted since they were saved are dropped on the way.
  const next: Record<string, Point> = {}
  for (const [id, point] of Object.entries(current)) if (entityIds.has(id)) next[id] = point
  for (const [id, point] of known) next[id] = { x: point.x, y: point.y }
  const views = validRecord(ProjectViews, { ...store.data.views, graphPositions: next }, 'layout')
  store.mutate((data) => {
    data.views = views
  })
  return { saved: known.length, skipped }
}

export function resetGraphPositions(store: ProjectStore): MethodOutput<'graph.resetPositions'> {
  const cleared = Object.keys(store.data.views.graphPositions ?? {}).length
  if (cleared === 0) return { cleared }
  store.mutate((data) => {
    const { graphPositions: _dropped, ...rest } = data.views
    data.views = rest
  })
  return { cleared }
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const MEDIA_TYPES = { png: 'image/png', svg: 'image/svg+xml' } as const

function imageBytes(input: ParsedInput<'graph.saveImage'>): Uint8Array {
  if (input.format === 'png') {
    if (!/^[A-Za-z0-9+/]+={0,2}$/.test(input.data)) {
      throw appError('invalid_input', 'pngAsBase64')
    }
    const bytes = Buffer.from(input.data, 'base64')
    if (bytes.length < 33 || PNG_SIGNATURE.some((byte, i) => bytes[i] !== byte)) {
      throw appError('invalid_input', 'notPng')
    }
    return bytes
  }
  if (!/^\s*(<\?xml[^>]*>\s*)?(<!DOCTYPE[^>]*>\s*)?<svg[\s>]/i.test(input.data)) {
    throw appError('invalid_input', 'notSvg')
  }
  return Buffer.from(input.data, 'utf8')
}

/** Keeps an image of the chart in the project (the one reports print), replacing any before. */
export async function saveGraphImage(
  store: ProjectStore,
  input: ParsedInput<'graph.saveImage'>,
): Promise<GraphImageInfo> {
  const bytes = imageBytes(input)
  const contentHash = await store.writeAsset(bytes, input.format)
  const graphImage = {
    contentHash,
    format: input.format,
    width: input.width,
    height: input.height,
    savedAt: new Date().toISOString(),
  }
  const views = validRecord(ProjectViews, { ...store.data.views, graphImage }, 'image')
  store.mutate((data) => {
    data.views = views
  })
  return {
    format: graphImage.format,
    width: input.width,
    height: input.height,
    savedAt: graphImage.savedAt,
  }
}

/**
 * The chart image kept for reports, as a data: URL, or null. The report service can call
 * this directly; the renderer reaches it through `graph.image`.
 */
export async function graphImage(store: ProjectStore): Promise<GraphImage | null> {
  const saved = store.data.views.graphImage
  if (!saved) return null
  const bytes = await store.readAsset(saved.contentHash, saved.format)
  return {
    format: saved.format,
    width: saved.width,
    height: saved.height,
    savedAt: saved.savedAt,
    dataUrl: `data:${MEDIA_TYPES[saved.format]};base64,${Buffer.from(bytes).toString('base64')}`,
  }
}
