/**
 * "Is this the same article?": an import whose text closely matches a source already in the
 * project (the same web page saved as .html and copied as .txt) is flagged, so the analyst
 * can keep it as a version of that source instead of a second copy.
 *
 * Each text is reduced to a bottom-k sketch of its five-word shingles (the k smallest
 * shingle hashes): a few kilobytes whatever the length, compared in microseconds. From two
 * sketches the overlap of the shingle sets is estimated, and from it the share of the
 * shorter text that the longer one contains (an .html page carries menus and footers a .txt
 * copy lacks, so containment, not equality, is the test).
 */
import type { SimilarSource } from '../../../shared/contract'
import type { SourceRecord } from '../../../shared/model'
import type { ProjectStore } from '../project-store'

/** Hashes kept per sketch: the estimate's error is about 1/sqrt(K), ±6 points. */
const K = 256
const SHINGLE_WORDS = 5
/** Share of the shorter text found in the longer from which two texts are "the same article". */
export const SAME_ARTICLE_SHARE = 0.8
/** Sources whose length differs more than this factor are not compared. */
const LENGTH_RATIO = 3
/** At most this many sources, the closest in length, are compared with a new import. */
const MAX_CANDIDATES = 400
/** Reading and sketching yields to other requests after this long. */
const SLICE_MS = 8

export interface Sketch {
  /** The K smallest distinct shingle hashes, ascending. */
  hashes: Uint32Array
  /** Distinct shingles counted (estimated past K by the K-th smallest hash). */
  size: number
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i)
    hash = Math.imul(hash, 0x01000193)
  }
  return hash >>> 0
}

/** Words folded for comparison: case, accents and punctuation do not tell two copies apart. */
function words(text: string): string[] {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean)
}

export function sketchOf(text: string): Sketch {
  const list = words(text)
  const seen = new Set<number>()
  const count = Math.max(1, list.length - SHINGLE_WORDS + 1)
  for (let i = 0; i < count; i++) seen.add(fnv1a(list.slice(i, i + SHINGLE_WORDS).join(' ')))
  const sorted = Uint32Array.from(seen).sort()
  return { hashes: sorted.slice(0, K), size: seen.size }
}

/**
 * The estimated share of the shorter text's shingles that the longer text also has: the
 * Jaccard estimate from the union's K smallest hashes, turned into containment through the
 * two set sizes.
 */
export function sharedShare(a: Sketch, b: Sketch): number {
  if (a.size === 0 || b.size === 0) return 0
  const inA = new Set(a.hashes)
  const inB = new Set(b.hashes)
  const union = Uint32Array.from(new Set([...a.hashes, ...b.hashes]))
    .sort()
    .slice(0, K)
  let both = 0
  for (const hash of union) if (inA.has(hash) && inB.has(hash)) both++
  const jaccard = both / union.length
  const intersection = (jaccard * (a.size + b.size)) / (1 + jaccard)
  return Math.min(1, intersection / Math.min(a.size, b.size))
}

const sketches = new WeakMap<ProjectStore, Map<string, Sketch>>()

/** Sketches by content hash, kept while the project is open (a text never changes its hash). */
function sketchCache(store: ProjectStore): Map<string, Sketch> {
  let cache = sketches.get(store)
  if (!cache) {
    cache = new Map()
    sketches.set(store, cache)
  }
  return cache
}

/**
 * Sources whose text closely matches `text` (the new source's own record left out), most
 * similar first. Texts are read and sketched once per project, in slices that yield.
 */
export async function similarSources(
  store: ProjectStore,
  text: string,
  except: string,
): Promise<SimilarSource[]> {
  const cache = sketchCache(store)
  const mine = sketchOf(text)
  const candidates = store.data.sources
    .filter((s) => s.id !== except)
    .filter((s) => s.length * LENGTH_RATIO >= text.length && text.length * LENGTH_RATIO >= s.length)
    .sort(
      (a, b) =>
        Math.abs(Math.log(a.length / text.length)) - Math.abs(Math.log(b.length / text.length)),
    )
    .slice(0, MAX_CANDIDATES)
  const found: SimilarSource[] = []
  let sliceStart = performance.now()
  for (const source of candidates) {
    const sketch = await sketchFor(store, cache, source)
    if (!sketch) continue
    const share = sharedShare(mine, sketch)
    if (share >= SAME_ARTICLE_SHARE) found.push({ source, share: Math.round(share * 100) / 100 })
    if (performance.now() - sliceStart > SLICE_MS) {
      await new Promise((resolve) => setImmediate(resolve))
      sliceStart = performance.now()
    }
  }
  return found.sort((a, b) => b.share - a.share).slice(0, 3)
}

async function sketchFor(
  store: ProjectStore,
  cache: Map<string, Sketch>,
  source: SourceRecord,
): Promise<Sketch | null> {
  const cached = cache.get(source.contentHash)
  if (cached) return cached
  try {
    const sketch = sketchOf(await store.readSourceText(source.contentHash, source.length))
    cache.set(source.contentHash, sketch)
    return sketch
  } catch {
    // A damaged text is reported where it is opened; here it simply cannot match.
    return null
  }
}
