/**
 * Deterministic identifiers for what Sightline exports: the same record always gets the
 * same STIX id and the same W3C annotation IRI (UUIDv5 of its Sightline id under our own
 * namespace), so a partner's platform updates what it received before instead of adding a
 * copy. A record that came from STIX keeps the UUID it came with.
 *
 * UUIDv5 is computed with node:crypto's one-shot hash over a reused buffer: the `uuid`
 * package's v5 took 295 ms for the 35,000 ids of a medium project, this 30 ms. ids.test.ts
 * checks both agree.
 */
import { hash } from 'node:crypto'

/**
 * Sightline's UUIDv5 namespace (itself UUIDv5 of "https://sightline.local/exchange" in the URL
 * namespace). Never change it, or every re-export becomes a new object for the receiver.
 */
export const SIGHTLINE_NAMESPACE = '745e6054-0e5b-5f32-9e12-5edd6d3cb407'

const STIX_ID =
  /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/i
/**
 * The same in lower case, tried first: ids are written so, and a case-insensitive
 * expression took about twice as long (an import looks up hundreds of thousands).
 */
const LOWER_STIX_ID =
  /^([a-z][a-z0-9-]*[a-z0-9])--([0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12})$/

function stixIdParts(id: string): RegExpExecArray | null {
  return LOWER_STIX_ID.exec(id) ?? STIX_ID.exec(id)
}

/** The UUID of a STIX id ("threat-actor--<uuid>"), or null for anything else. */
export function stixUuid(id: string): string | null {
  return stixIdParts(id)?.[2]?.toLowerCase() ?? null
}

export function stixType(id: string): string | null {
  return stixIdParts(id)?.[1] ?? null
}

/** What kind of Sightline record a UUID is made from, so an entity and a source never share one. */
export type RecordKind = 'entity' | 'relation' | 'annotation' | 'source' | 'report' | 'publisher'

const scratch = Buffer.alloc(1024)
Buffer.from(SIGHTLINE_NAMESPACE.replace(/-/g, ''), 'hex').copy(scratch, 0)

/** RFC 9562 UUIDv5 of `name` in Sightline's namespace. */
export function uuidV5(name: string): string {
  const bytes = Buffer.byteLength(name, 'utf8')
  const input =
    bytes <= scratch.length - 16
      ? scratch.subarray(0, 16 + scratch.write(name, 16, 'utf8'))
      : Buffer.concat([scratch.subarray(0, 16), Buffer.from(name, 'utf8')])
  const hex = hash('sha1', input, 'hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`
}

/**
 * Ids made so far: a record keeps its id for life, so the next export (the exchange worker
 * stays warm, and re-reads only what changed) finds most of them here instead of hashing
 * again. Kept by kind (and STIX type) so that no lookup builds a key; emptied when they
 * hold MAX_REMEMBERED ids.
 */
const uuids = new Map<RecordKind, Map<string, string>>()
const stixIds = new Map<string, Map<RecordKind, Map<string, string>>>()
let remembered = 0
const MAX_REMEMBERED = 500_000

function remember<K, V>(maps: Map<K, Map<string, V>>, key: K): Map<string, V> {
  if (remembered >= MAX_REMEMBERED) {
    uuids.clear()
    stixIds.clear()
    remembered = 0
  }
  remembered++
  let map = maps.get(key)
  if (!map) {
    map = new Map()
    maps.set(key, map)
  }
  return map
}

export function recordUuid(kind: RecordKind, id: string): string {
  const known = uuids.get(kind)?.get(id)
  if (known !== undefined) return known
  const made = stixUuid(id) ?? uuidV5(`${kind}:${id}`)
  remember(uuids, kind).set(id, made)
  return made
}

/** The STIX id of a Sightline record exported as `stixType`. */
export function stixIdFor(stixObjectType: string, kind: RecordKind, id: string): string {
  const known = stixIds.get(stixObjectType)?.get(kind)?.get(id)
  if (known !== undefined) return known
  const made = `${stixObjectType}--${recordUuid(kind, id)}`
  let ofType = stixIds.get(stixObjectType)
  if (!ofType) {
    ofType = new Map()
    stixIds.set(stixObjectType, ofType)
  }
  remember(ofType, kind).set(id, made)
  return made
}

/** The IRI of a Sightline record in W3C annotations. */
export function recordIri(kind: RecordKind, id: string): string {
  return `urn:uuid:${recordUuid(kind, id)}`
}
