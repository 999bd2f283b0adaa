/**
 * The names a text is matched against: the project's entities (names and aliases), the
 * gazetteer's places, the reference communities and actors, and the names found in the text
 * itself. Matching runs over folded word tokens, so it is case-, diacritic- and
 * Arabic-variant-insensitive and always word-bounded.
 */
import { foldForMatching, latinSpellingKey } from '../../../shared/match-text'
import { PROVINCES } from '../../../shared/geo/provinces'
import { COMMUNITIES, COUNTRY, WELL_KNOWN_GROUPS } from './reference'

/** What the suggester needs of a project entity. */
export interface KnownEntity {
  id: string
  type: string
  name: string
  aliases: readonly string[]
}

/** An entity a text names: one the project holds, or one it would create. */
export interface DocEntity {
  key: string
  type: string
  name: string
  status: 'existing' | 'new'
  entityId?: string
  /** For a new entity: the aliases it would be created with. */
  aliases: Set<string>
  attributes: Record<string, string | number>
  /** ISO 3166-2 code of the gazetteer entry a new place comes from. */
  gazetteer?: string
  /** How the name was recognised, for the suggestion's reason. */
  found: string
}

const WORD = /[\p{L}\p{N}]+(?:['\-\u2010\u2011][\p{L}\p{N}]+)*/gu

/** A name as the folded word tokens it is matched by. */
export function nameTokens(name: string): string[] {
  return [...foldForMatching(name).matchAll(WORD)].map((m) => m[0].replace(/'s$/, ''))
}

export function newEntityKey(type: string, name: string): string {
  return `n:${type}:${nameTokens(name).join(' ')}`
}

interface TrieNode {
  next: Map<string, TrieNode>
  key?: string
  /** A weak spelling (a surname alone) yields to any other name on the same words. */
  weak?: boolean
  /** Two entities share this spelling: it names neither. */
  ambiguous?: boolean
}

/** Folded token sequences to entity keys, longest match first. */
export class NameTrie {
  private readonly root: TrieNode = { next: new Map() }

  add(spelling: string, key: string, weak = false): void {
    const words = nameTokens(spelling)
    if (words.length === 0) return
    let node = this.root
    for (const word of words) {
      // Keyed by spelling, so "Masood" in a text finds the entity written "Massoud".
      const key = latinSpellingKey(word)
      let child = node.next.get(key)
      if (!child) {
        child = { next: new Map() }
        node.next.set(key, child)
      }
      node = child
    }
    if (node.key === undefined || (node.weak && !weak)) {
      node.key = key
      node.weak = weak
      node.ambiguous = false
    } else if (node.key !== key && node.weak === weak) {
      node.ambiguous = true
    }
  }

  /** The longest name starting at words[from], as [length, key]. */
  match(words: readonly string[], from: number, to: number): [number, string] | undefined {
    let node: TrieNode | undefined = this.root
    let best: [number, string] | undefined
    for (let i = from; i < to && node; i++) {
      node = node.next.get(latinSpellingKey(words[i]!))
      if (node?.key !== undefined && !node.ambiguous) best = [i - from + 1, node.key]
    }
    return best
  }
}

/** The entities and names a text is read against, before the text adds its own. */
export interface Catalog {
  entities: Map<string, DocEntity>
  trie: NameTrie
}

interface ReferenceEntry {
  type: string
  name: string
  spellings: readonly string[]
  attributes: Record<string, string>
  gazetteer?: string
  found: string
}

function referenceEntries(): ReferenceEntry[] {
  const entries: ReferenceEntry[] = [
    ...PROVINCES.map((p) => ({
      type: 'place',
      name: p.name,
      spellings: [...p.spellings, p.nameFa],
      attributes: { placeKind: 'province', country: COUNTRY.name },
      gazetteer: p.iso,
      found: 'a province in the gazetteer',
    })),
    {
      type: 'place',
      name: COUNTRY.name,
      spellings: COUNTRY.spellings,
      attributes: { placeKind: 'country' },
      gazetteer: COUNTRY.iso,
      found: 'a country in the gazetteer',
    },
    ...COMMUNITIES.map((c) => ({
      type: 'community',
      name: c.name,
      spellings: c.spellings,
      attributes: { communityKind: 'ethnic' },
      found: 'a community in the reference list',
    })),
    ...WELL_KNOWN_GROUPS.map((g) => ({
      type: 'group',
      name: g.name,
      spellings: g.spellings,
      attributes: {},
      found: 'a well-known group',
    })),
  ]
  return entries
}

let referenceCache: ReferenceEntry[] | undefined

/**
 * The project's entities, and the reference names the project does not hold yet as new
 * entities. A reference name the project holds under any spelling links to that entity,
 * which is then also found by the reference's other spellings (its Dari name, say).
 */
export function buildCatalog(known: readonly KnownEntity[]): Catalog {
  const entities = new Map<string, DocEntity>()
  const trie = new NameTrie()
  const bySpelling = new Map<string, string>()
  for (const entity of known) {
    const key = `e:${entity.id}`
    entities.set(key, {
      key,
      type: entity.type,
      name: entity.name,
      status: 'existing',
      entityId: entity.id,
      aliases: new Set(),
      attributes: {},
      found: 'in the project',
    })
    for (const spelling of [entity.name, ...entity.aliases]) {
      trie.add(spelling, key)
      bySpelling.set(`${entity.type}|${nameTokens(spelling).join(' ')}`, key)
    }
  }
  for (const e of known) if (e.type === 'person') addSurname(trie, e.name, `e:${e.id}`)
  for (const ref of (referenceCache ??= referenceEntries())) {
    const spellings = [ref.name, ...ref.spellings]
    const existing = spellings
      .map((s) => bySpelling.get(`${ref.type}|${nameTokens(s).join(' ')}`))
      .find((key) => key !== undefined)
    if (existing) {
      for (const spelling of spellings) trie.add(spelling, existing, true)
      continue
    }
    const key = newEntityKey(ref.type, ref.name)
    entities.set(key, {
      key,
      type: ref.type,
      name: ref.name,
      status: 'new',
      aliases: new Set(ref.spellings),
      attributes: { ...ref.attributes },
      ...(ref.gazetteer ? { gazetteer: ref.gazetteer } : {}),
      found: ref.found,
    })
    for (const spelling of spellings) trie.add(spelling, key)
  }
  return { entities, trie }
}

/** A person's surname alone finds them ("Massoud said"), unless two people share it. */
export function addSurname(trie: NameTrie, name: string, key: string): void {
  const words = nameTokens(name)
  if (words.length < 2 || words.at(-1)!.length < 3) return
  trie.add(words.at(-1)!, key, true)
}
