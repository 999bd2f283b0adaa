/**
 * The 34 provinces of Afghanistan from the bundled gazetteer (data/geo/, Natural Earth, public
 * domain). Shared by the map (shapes), suggestions (names in text) and place lookup.
 */
import topology from '../../../data/geo/afghanistan-provinces.topo.json'

export interface GeoPoint {
  lat: number
  lon: number
}

export interface Province {
  /** ISO 3166-2 code, e.g. "AF-PAN". */
  iso: string
  /** English name in Natural Earth's spelling (Hilmand, Hirat, Paktya, Sari Pul). */
  name: string
  /** Dari name without the word "province" (ولایت) in front, e.g. "پنجشیر". */
  nameFa: string
  /** Every spelling the app matches on: the Natural Earth name first, then common usage. */
  spellings: readonly string[]
  /** A point inside the province, for its label. */
  labelPoint: GeoPoint
  wikidata: string | null
}

interface ProvinceProperties {
  iso_3166_2: string
  name: string
  name_fa: string
  label_lat: number
  label_lon: number
  wikidata: string | null
}

/**
 * Common English spellings beyond Natural Earth's. Natural Earth's own `name_alt` is not used:
 * it mixes spellings with capitals and neighbours (Paktika lists "Paktya", Panjshir "Charikar").
 */
const COMMON_SPELLINGS: Readonly<Record<string, readonly string[]>> = {
  'AF-BAM': ['Bamiyan', 'Bamian'],
  'AF-BDG': ['Badghes'],
  'AF-DAY': ['Daikundi', 'Daykondi', 'Dai Kundi'],
  'AF-FYB': ['Fariab'],
  'AF-GHO': ['Ghowr', 'Ghur'],
  'AF-HEL': ['Helmand'],
  'AF-HER': ['Herat'],
  'AF-JOW': ['Jowzjan', 'Jozjan'],
  'AF-KAN': ['Qandahar'],
  'AF-KNR': ['Konar'],
  'AF-KDZ': ['Kondoz', 'Qunduz'],
  'AF-NAN': ['Ningarhar'],
  'AF-NUR': ['Nooristan'],
  'AF-PKA': ['Paktia', 'Paktiya'],
  'AF-PAN': ['Panjsher', 'Panjshēr'],
  'AF-PAR': ['Parvan'],
  'AF-SAR': ['Sar-e Pol', 'Sar-i-Pul', 'Saripul', 'Sar-e-Pul'],
  'AF-URU': ['Oruzgan', 'Urozgan'],
  'AF-WAR': ['Maidan Wardak', 'Maydan Wardak', 'Vardak'],
}

const PROVINCE_PREFIX_FA = /^ولایت\s+/

function toProvince(p: ProvinceProperties): Province {
  return {
    iso: p.iso_3166_2,
    name: p.name,
    nameFa: p.name_fa.replace(PROVINCE_PREFIX_FA, ''),
    spellings: [p.name, ...(COMMON_SPELLINGS[p.iso_3166_2] ?? [])],
    labelPoint: { lat: p.label_lat, lon: p.label_lon },
    wikidata: p.wikidata,
  }
}

/** The TopoJSON topology itself, for drawing (object "afg-adm1"). */
export const PROVINCES_TOPOLOGY = topology

export const PROVINCES: readonly Province[] = topology.objects['afg-adm1'].geometries
  .map((g) => toProvince(g.properties as ProvinceProperties))
  .sort((a, b) => a.name.localeCompare(b.name, 'en'))

const byIso = new Map(PROVINCES.map((p) => [p.iso, p]))

export function provinceByIso(iso: string): Province | undefined {
  return byIso.get(iso.toUpperCase())
}
