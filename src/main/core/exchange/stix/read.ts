/**
 * Reads a STIX 2.1 bundle: the outer shape (json-spans.ts), then each object on its own,
 * in slices. A bundle that is not JSON, not a 2.1 bundle, nested too deep or whose
 * relationships point at objects it does not hold is refused whole, with the reasons;
 * an object that is merely incomplete is kept for the plan to skip with its reason.
 */
import { z } from 'zod'
import { MAX_LISTED_PROBLEMS, refuseFile, type AppError } from '../../errors'
import { JsonShapeError, scanTopLevelObject, where, type Span } from '../json-spans'
import type { Slicer } from '../slices'

/** Deepest nesting a bundle may have; STIX objects need a handful of levels. */
const MAX_BUNDLE_DEPTH = 32

const STIX_ID =
  /^[a-z][a-z0-9-]*[a-z0-9]--[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/

/** What every object must have to be read at all. */
const ObjectHead = z.object({
  type: z.string().min(1),
  id: z.string().regex(STIX_ID, 'not a STIX identifier'),
})

/**
 * Whether `value` passes ObjectHead, checked in place: zod's copy of each of a bundle's
 * objects was garbage. Zod still says what is wrong with one that does not pass.
 */
function hasHead(value: unknown): boolean {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const { type, id } = value as { type?: unknown; id?: unknown }
  return typeof type === 'string' && type.length > 0 && typeof id === 'string' && STIX_ID.test(id)
}

export interface StixRecord {
  /** The parsed object (only its own fields are read, through the schemas in plan.ts). */
  object: Record<string, unknown> & { type: string; id: string }
  /** Where its JSON lies in the text. */
  span: Span
}

export interface StixBundle {
  objects: StixRecord[]
  /** The same records by STIX id (the plan looks objects up by their references). */
  byId: ReadonlyMap<string, StixRecord>
  /** Older versions of an object given twice (same id): the newest `modified` is kept. */
  olderVersions: number
}

type Problem = { path: string; message: string }

function refuse(problems: Problem[], lead = 'This bundle cannot be imported'): AppError {
  return refuseFile(problems, lead)
}

/** The position JSON.parse names in its message, made absolute. */
function parseErrorOffset(message: string, base: number): number | null {
  const match = /position (\d+)/.exec(message)
  return match ? base + Number(match[1]) : null
}

/** Reference properties whose targets must be in the bundle for it to make sense. */
const STRICT_REFS = ['source_ref', 'target_ref'] as const

export async function readStixBundle(text: string, slicer: Slicer): Promise<StixBundle> {
  let scan
  try {
    scan = await scanTopLevelObject(text, 'objects', MAX_BUNDLE_DEPTH, slicer)
  } catch (error) {
    if (error instanceof JsonShapeError) {
      throw refuse([{ path: '', message: error.message }], 'This file is not a STIX bundle')
    }
    throw error
  }
  const problems: Problem[] = []
  const member = (key: string): unknown => {
    const span = scan.members.get(key)
    if (!span) return undefined
    try {
      return JSON.parse(text.slice(span.start, span.end))
    } catch {
      problems.push({
        path: key,
        message: `its value is not valid JSON (${where(text, span.start)})`,
      })
      return undefined
    }
  }
  if (member('type') !== 'bundle') {
    throw refuse(
      [{ path: 'type', message: 'a STIX bundle has "type": "bundle" at the top' }],
      'This file is not a STIX bundle',
    )
  }
  const bundleVersion = member('spec_version')
  if (bundleVersion !== undefined) {
    throw refuse([
      {
        path: 'spec_version',
        message: `the bundle says spec_version ${JSON.stringify(bundleVersion)}, which is STIX 2.0; Sightline reads STIX 2.1`,
      },
    ])
  }
  if (!scan.items) {
    throw refuse([{ path: 'objects', message: 'the bundle has no list of objects' }])
  }
  if (scan.items.length === 0) {
    throw refuse([{ path: 'objects', message: 'the bundle holds no objects' }])
  }

  const total = scan.items.length
  const byId = new Map<string, StixRecord>()
  let olderVersions = 0
  const wrongVersion: string[] = []
  for (let index = 0; index < total; index++) {
    const span = scan.items[index]!
    if ((index & 1023) === 0) slicer.progress('Reading the bundle', index, total)
    const tick = slicer.tick()
    if (tick) await tick
    let value: unknown
    try {
      value = JSON.parse(text.slice(span.start, span.end))
    } catch (error) {
      const offset = parseErrorOffset((error as Error).message, span.start) ?? span.start
      problems.push({
        path: `objects.${index}`,
        message: `not valid JSON (${where(text, offset)})`,
      })
      if (problems.length >= MAX_LISTED_PROBLEMS) break
      continue
    }
    const head = hasHead(value) ? null : ObjectHead.safeParse(value)
    if (head && !head.success) {
      const issue = head.error.issues[0]!
      problems.push({
        path: `objects.${index}${issue.path.length ? `.${issue.path.join('.')}` : ''}`,
        message: issue.message,
      })
      continue
    }
    const object = value as StixRecord['object']
    if (object.type !== 'marking-definition' && object.spec_version !== '2.1') {
      wrongVersion.push(
        `${object.id} (${object.spec_version === undefined ? 'no spec_version' : `spec_version ${JSON.stringify(object.spec_version)}`})`,
      )
      continue
    }
    const earlier = byId.get(object.id)
    if (earlier) {
      olderVersions++
      if (String(earlier.object.modified ?? '') >= String(object.modified ?? '')) continue
    }
    byId.set(object.id, { object, span })
  }
  slicer.progress('Reading the bundle', total, total)
  if (wrongVersion.length > 0) {
    problems.unshift({
      path: 'objects',
      message: `${wrongVersion.length} object${wrongVersion.length === 1 ? ' is' : 's are'} not STIX 2.1: ${wrongVersion.slice(0, 3).join(', ')}${wrongVersion.length > 3 ? '…' : ''}`,
    })
  }
  for (const record of byId.values()) {
    for (const key of STRICT_REFS) {
      const ref = record.object[key]
      if (typeof ref === 'string' && !byId.has(ref)) {
        problems.push({
          path: record.object.id,
          message: `its ${key} points at ${ref}, which is not in the bundle`,
        })
      }
    }
    if (problems.length >= MAX_LISTED_PROBLEMS) break
  }
  if (problems.length > 0) throw refuse(problems)
  return { objects: [...byId.values()], byId, olderVersions }
}
