import { describe, expect, it } from 'vitest'
import type { SearchHit } from '../../../shared/contract'
import type { Entity, Note } from '../../../shared/model'
import type { ProjectStore } from '../project-store'
import {
  PLAIN_MATCHING,
  SearchIndex,
  searchEntities,
  searchNotes,
  spellingVariants,
  type TextMatching,
} from './search'

/** What the index reads of a store: sources with their texts, annotations, a revision. */
function storeOf(
  texts: Record<string, string>,
  entities: { id: string; name: string; aliases: string[] }[] = [],
): ProjectStore {
  const sources = Object.entries(texts).map(([id, text]) => ({
    id,
    title: `Source ${id}`,
    contentHash: `hash-${id}`,
    length: text.length,
  }))
  return {
    revision: 1,
    isClosed: false,
    data: { sources, annotations: [], entities },
    readSourceText: (hash: string) => Promise.resolve(texts[hash.slice('hash-'.length)]!),
  } as unknown as ProjectStore
}

async function textHits(
  texts: Record<string, string>,
  q: string,
  matching?: TextMatching,
): Promise<{ hit: SearchHit; found: string }[]> {
  const index = new SearchIndex(storeOf(texts), matching)
  await index.sync()
  return index
    .query(q, 20)
    .hits.filter((h) => h.kind === 'text')
    .map((hit) => ({ hit, found: texts[hit.sourceId]!.slice(hit.start, hit.end) }))
}

/** Each spelling of a pair, as written in a text, and found by the other. */
const PAIRS: [string, string][] = [
  // Arabic against Persian keyboards: yeh and kaf.
  ['ملي', 'ملی'],
  ['كابل', 'کابل'],
  // Alef forms, teh marbuta, tatweel, harakat, the zero-width non-joiner.
  ['أحمد', 'احمد'],
  ['إسلام', 'اسلام'],
  ['آمر', 'امر'],
  ['ولسوالة', 'ولسواله'],
  ['کـــابل', 'کابل'],
  ['مُحَمَّد', 'محمد'],
  ['می‌گوید', 'میگوید'],
  // Persian and Arabic-Indic digits against ASCII.
  ['۱۴۰۲', '1402'],
  ['٢٠٢١', '2021'],
  // Latin transliterations of names.
  ['Masoud', 'Massoud'],
  ["Mas'ud", 'Masood'],
  ['Dostum', 'Dostom'],
  ['Bamiyan', 'Bamyan'],
  ['Hilmand', 'Helmand'],
]

describe('search with the matching normalizer', () => {
  it.each(PAIRS)('finds "%s" from "%s" and the reverse', async (a, b) => {
    for (const [written, query] of [
      [a, b],
      [b, a],
    ] as const) {
      const text = `Before the name, ${written} stands here, and text follows.`
      const hits = await textHits({ s1: text }, query)
      expect(
        hits.map((h) => h.found),
        `"${query}" in "${text}"`,
      ).toEqual([written])
    }
  })

  it('finds "Ahmad Massoud" from "Masood" and highlights the name as written', async () => {
    const texts = {
      nrf: 'The front was led by Ahmad Massoud, who returned to Panjshir in 2021.',
      other: 'Nothing about that family here.',
    }
    const hits = await textHits(texts, 'Masood')
    expect(hits.map((h) => h.hit.sourceId)).toEqual(['nrf'])
    expect(hits[0]!.found).toBe('Massoud')
    expect(hits[0]!.hit.snippet.match).toBe('Massoud')
  })

  it('lands highlights on the original characters, marks and tatweel included', async () => {
    const text = 'گزارش: ولایت كـــابُل امروز آرام بود.'
    const hits = await textHits({ dari: text }, 'کابل')
    expect(hits[0]!.found).toBe('كـــابُل')
    expect(hits[0]!.hit.start).toBe(text.indexOf('ك'))
  })

  it('keeps the two query terms apart', async () => {
    const texts = { both: 'Dostom met elders in Bamyan.', one: 'Dostum stayed in Kabul.' }
    const hits = await textHits(texts, 'Dostum Bamiyan')
    expect(hits.map((h) => h.hit.sourceId)).toEqual(['both'])
  })

  it('without the normalizer, the variants are different words', async () => {
    expect(await textHits({ s: 'Ahmad Massoud' }, 'Masood', PLAIN_MATCHING)).toEqual([])
    expect(await textHits({ s: 'شهر كابل' }, 'کابل', PLAIN_MATCHING)).toEqual([])
  })
})

describe('spellingVariants', () => {
  it('offers the spellings the sources use for an entity, most used first, not the listed ones', async () => {
    const store = storeOf(
      {
        a: 'Ahmad Masood spoke. Later AHMAD MASSOUD and Ahmad Mas’ud met Ahmad Masood again.',
        b: 'Ahmad Masood was seen in Bamiyan; Dostom stayed away.',
        c: 'Masood alone is not the full name.',
      },
      [
        { id: 'per-massoud', name: 'Ahmad Massoud', aliases: [] },
        { id: 'plc-bamyan', name: 'Bamyan', aliases: ['Bamian'] },
        { id: 'per-dostum', name: 'Dostum', aliases: ['Dostom'] },
      ],
    )
    expect(await spellingVariants(store, 'per-massoud')).toEqual({
      spellings: [
        { text: 'Ahmad Masood', count: 3 },
        { text: 'Ahmad Mas’ud', count: 1 },
      ],
    })
    expect(await spellingVariants(store, 'plc-bamyan')).toEqual({
      spellings: [{ text: 'Bamiyan', count: 1 }],
    })
    expect(await spellingVariants(store, 'per-dostum')).toEqual({ spellings: [] })
    await expect(spellingVariants(store, 'per-nobody')).rejects.toThrow('No entity')
  })
})

const stamp = { createdAt: '2025-01-01T00:00:00.000Z', updatedAt: '2025-01-01T00:00:00.000Z' }

const entity = (id: string, name: string, aliases: string[] = [], acronym?: string): Entity =>
  ({
    ...stamp,
    id,
    type: 'group',
    name,
    aliases,
    description: '',
    attributes: acronym ? { acronym } : {},
  }) as Entity

const note = (id: string, title: string, body: string): Note => ({ ...stamp, id, title, body })

describe('searchEntities', () => {
  const entities = [
    entity('nff', 'National Freedom Front', ['جبهه آزادی'], 'NFF'),
    entity('nrf', 'National Resistance Front', ['NRF']),
    entity('panjshir', 'Panjshīr'),
    entity('uprising', 'Freedom Uprising'),
  ]

  it('finds names, acronyms and aliases, folding case and accents', () => {
    expect(searchEntities(entities, 'nff', 8).map((h) => h.entityId)).toEqual(['nff'])
    expect(searchEntities(entities, 'nff', 8)[0]?.matched).toBe('NFF')
    expect(searchEntities(entities, 'panjshir', 8).map((h) => h.entityId)).toEqual(['panjshir'])
    expect(searchEntities(entities, 'آزادی', 8).map((h) => h.entityId)).toEqual(['nff'])
  })

  it('ranks names that start with the query first, and keeps to the limit', () => {
    expect(searchEntities(entities, 'freedom', 8).map((h) => h.entityId)).toEqual([
      'uprising',
      'nff',
    ])
    expect(searchEntities(entities, 'front', 1)).toHaveLength(1)
    // A whole acronym beats a name that merely starts with it.
    const withClaim = [...entities, entity('claim', 'NFF claims 70% of former soldiers')]
    expect(searchEntities(withClaim, 'nff', 8).map((h) => h.entityId)).toEqual(['nff', 'claim'])
    expect(searchEntities(entities, '   ', 8)).toEqual([])
  })
})

describe('searchNotes', () => {
  const notes = [
    note('a', 'Weighing the NFF claim', 'The front says it holds 70% of former soldiers.'),
    note('b', 'Landscape', 'Many fronts; the NFF is one of them, active in Takhar.'),
    note('c', 'Unrelated', 'Nothing here.'),
    note('d', 'Leaders', 'Led by [Zia](entity:grp-nff-leader), says [the brief](quote:ann-1).'),
  ]

  it('finds every word in the title or text, title matches first, with a snippet', () => {
    const hits = searchNotes(notes, 'nff', 8)
    expect(hits.map((h) => h.noteId)).toEqual(['a', 'b'])
    expect(hits[1]?.snippet.match).toBe('NFF')
    expect(searchNotes(notes, 'nff takhar', 8).map((h) => h.noteId)).toEqual(['b'])
    expect(searchNotes(notes, 'zebak', 8)).toEqual([])
    // Link targets are not the note's words; the snippet shows the words, not the Markdown.
    const leaders = searchNotes(notes, 'brief', 8)
    expect(leaders.map((h) => h.noteId)).toEqual(['d'])
    expect(leaders[0]?.snippet.before).toBe('Led by Zia, says the ')
  })
})
