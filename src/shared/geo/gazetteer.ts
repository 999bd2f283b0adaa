/**
 * The bundled gazetteer of Afghanistan: the 34 provinces (shapes in data/geo/, Natural
 * Earth), the chief town of each, and the districts the sample names, as points
 * (data/geo/afghanistan-places.json; data/geo/README.md gives the source of the figures).
 * "Locate" on a place searches it in Latin or Dari script and links one entry.
 */
import placesFile from '../../../data/geo/afghanistan-places.json'
import { PROVINCES, type GeoPoint } from './provinces'

export const GAZETTEER_KINDS = ['province', 'city', 'district'] as const
export type GazetteerKind = (typeof GAZETTEER_KINDS)[number]

export interface GazetteerEntry {
  /** "AF-PAN" for a province, "<province>/<slug>" for a point: "AF-BGL/andarab". */
  id: string
  kind: GazetteerKind
  /** English name (Natural Earth's spelling for provinces). */
  name: string
  /** Dari name. */
  nameFa: string
  /** Every Latin spelling matched, the name first. */
  spellings: readonly string[]
  /** ISO 3166-2 code of the province the entry is, or lies in. */
  province: string
  /** The town or district centre; for a province, the point its label sits on. */
  point: GeoPoint
}

interface PlaceRecord {
  id: string
  kind: string
  province: string
  name: string
  nameFa: string
  spellings: string[]
  lat: number
  lon: number
}

function isPointKind(kind: string): kind is 'city' | 'district' {
  return kind === 'city' || kind === 'district'
}

const provinceEntries: GazetteerEntry[] = PROVINCES.map((p) => ({
  id: p.iso,
  kind: 'province',
  name: p.name,
  nameFa: p.nameFa,
  spellings: p.spellings,
  province: p.iso,
  point: p.labelPoint,
}))

const pointEntries: GazetteerEntry[] = (placesFile.places as PlaceRecord[]).map((p) => {
  if (!isPointKind(p.kind)) throw new Error(`gazetteer entry ${p.id} has an unknown kind`)
  return {
    id: p.id,
    kind: p.kind,
    name: p.name,
    nameFa: p.nameFa,
    spellings: [p.name, ...p.spellings],
    province: p.province,
    point: { lat: p.lat, lon: p.lon },
  }
})

export const GAZETTEER: readonly GazetteerEntry[] = [...provinceEntries, ...pointEntries]

const byId = new Map(GAZETTEER.map((entry) => [entry.id, entry]))

export function gazetteerEntry(id: string): GazetteerEntry | undefined {
  return byId.get(id)
}

/** The chief town of a province (its capital), from the gazetteer's points. */
export function chiefTown(iso: string): GazetteerEntry | undefined {
  return pointEntries.find((entry) => entry.kind === 'city' && entry.province === iso)
}

// ---------------------------------------------------------------- matching

const ARABIC_VARIANTS: Record<string, string> = {
  ي: 'ی',
  ى: 'ی',
  ك: 'ک',
  ة: 'ه',
  أ: 'ا',
  إ: 'ا',
  آ: 'ا',
}
const PROVINCE_WORD_FA = /^ولایت\s+|\s+ولایت$/
/** Words that say what kind of place it is, not which: "Panjshir Valley", "Andarab district". */
const KIND_WORDS_EN = /\s+(province|district|city|town|valley)$|^(province|district|city)\s+of\s+/i

/**
 * A spelling reduced to what tells names apart: case, accents, hyphens, spaces, Arabic
 * diacritics, the zero-width non-joiner and the Arabic/Persian letter variants all go.
 */
export function foldName(text: string): string {
  return text
    .trim()
    .replace(PROVINCE_WORD_FA, '')
    .replace(KIND_WORDS_EN, '')
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[يىكةأإآ]/g, (c) => ARABIC_VARIANTS[c] ?? c)
    .replace(/[^\p{L}\p{N}]/gu, '')
}

/**
 * The consonants of a Latin spelling, for transliteration variants: romanizations of Dari
 * differ mostly in their vowels and a few letters (Hilmand/Helmand, Paktya/Paktia,
 * Kondoz/Kunduz, Sari Pul/Sar-e Pol, Qandahar/Kandahar).
 */
function skeleton(folded: string): string {
  if (!/^[a-z0-9]+$/.test(folded)) return ''
  return folded
    .replace(/q/g, 'k')
    .replace(/v/g, 'w')
    .replace(/(?!^)[aeiouy]/g, '')
    .replace(/(.)\1+/g, '$1')
}

export interface GazetteerMatch {
  entry: GazetteerEntry
  /** The spelling that matched (Latin or Dari). */
  matched: string
  /** How it matched, best first. */
  quality: 'exact' | 'variant' | 'prefix' | 'contains'
}

const QUALITY_ORDER: Record<GazetteerMatch['quality'], number> = {
  exact: 0,
  variant: 1,
  prefix: 2,
  contains: 3,
}
const KIND_ORDER: Record<GazetteerKind, number> = { province: 0, city: 1, district: 2 }

interface IndexedSpelling {
  entry: GazetteerEntry
  spelling: string
  folded: string
  skeleton: string
}

const index: IndexedSpelling[] = GAZETTEER.flatMap((entry) =>
  [...entry.spellings, entry.nameFa].map((spelling) => {
    const folded = foldName(spelling)
    return { entry, spelling, folded, skeleton: skeleton(folded) }
  }),
)

/**
 * Entries whose Latin or Dari spelling matches the query: exactly, as a transliteration
 * variant, by prefix (while typing) or inside the name; best matches first, provinces
 * before towns before districts, one line per entry.
 */
export function searchGazetteer(query: string, limit = 20): GazetteerMatch[] {
  const folded = foldName(query)
  if (folded === '') return []
  const wantedSkeleton = skeleton(folded)
  const best = new Map<string, GazetteerMatch>()
  for (const item of index) {
    const quality: GazetteerMatch['quality'] | null =
      item.folded === folded
        ? 'exact'
        : wantedSkeleton.length >= 3 && item.skeleton === wantedSkeleton
          ? 'variant'
          : item.folded.startsWith(folded)
            ? 'prefix'
            : folded.length >= 3 && item.folded.includes(folded)
              ? 'contains'
              : null
    if (!quality) continue
    const current = best.get(item.entry.id)
    if (!current || QUALITY_ORDER[quality] < QUALITY_ORDER[current.quality]) {
      best.set(item.entry.id, { entry: item.entry, matched: item.spelling, quality })
    }
  }
  return [...best.values()]
    .sort(
      (a, b) =>
        QUALITY_ORDER[a.quality] - QUALITY_ORDER[b.quality] ||
        KIND_ORDER[a.entry.kind] - KIND_ORDER[b.entry.kind] ||
        a.entry.name.localeCompare(b.entry.name, 'en'),
    )
    .slice(0, limit)
}

/** The best entries for a place already named: its name first, then each alias. */
export function suggestGazetteer(names: readonly string[], limit = 8): GazetteerMatch[] {
  const seen = new Set<string>()
  const found: GazetteerMatch[] = []
  for (const name of names) {
    for (const match of searchGazetteer(name, limit)) {
      if (match.quality === 'contains' || seen.has(match.entry.id)) continue
      seen.add(match.entry.id)
      found.push(match)
    }
  }
  return found.slice(0, limit)
}
