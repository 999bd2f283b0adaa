/**
 * The sample project's content, written by hand. Annotations are given as quotes only:
 * build.ts finds each one in brief.txt and computes its selectors, so no offset here can
 * drift from the text.
 */
import type {
  AchRating,
  Analysis,
  AnalysisEvidence,
  Annotation,
  Entity,
  Note,
  ProjectMeta,
  Relation,
  SourceRecord,
} from '../../src/shared/model'
import { gazetteerEntry } from '../../src/shared/geo/gazetteer'
import { gazetteerLinkPatch } from '../../src/shared/geo/place-geography'
import { EVENT_ANNOTATIONS, EVENT_RELATIONS, EVENTS } from './events'

/** One fixed instant for every record, so two builds are byte-identical. */
export const TIMESTAMP = '2025-06-01T09:00:00.000Z'

type Stamped = 'createdAt' | 'updatedAt'

export const PROJECT: Omit<ProjectMeta, Stamped> = {
  id: 'sample',
  name: 'Armed opposition to the Taliban (sample)',
  description:
    'A small worked example built from an analyst brief: the armed groups that have surfaced ' +
    'against the Taliban since 2021, their leaders, areas and support bases, each link backed ' +
    'by a quote from the brief. A news report, an NGO brief, the NFF’s own statement and a ' +
    'think-tank paper show sources of different reliability, two of them contradicting the ' +
    'NFF’s claim about its strength.',
}

/** A source minus what build.ts derives from its text (hash and length), and its file here. */
export interface SourceSpec {
  record: Omit<SourceRecord, Stamped | 'contentHash' | 'length'>
  file: string
}

/** The analyst brief most of the sample is built from. */
export const SOURCE: Omit<SourceRecord, Stamped | 'contentHash' | 'length'> = {
  id: 'src-brief',
  title: 'Armed opposition to the Taliban since 2021 — analyst brief',
  kind: 'report',
  publisher: 'Sightline sample',
  author: 'Sightline team',
  publishedAt: '2025-05-20',
  retrievedAt: '2025-06-01',
  language: 'en',
  reliability: 'B',
  origin: { fileName: 'brief.txt', format: 'txt' },
}

export const SOURCE_FILE = 'brief.txt'

/**
 * Four more sources of different kinds and reliability, written for the sample (the names of
 * the newspaper, NGO and institute are invented): they teach grading the source apart from
 * the claim, and two of them contradict the NFF's own figure for its strength.
 */
const MORE_SOURCES: SourceSpec[] = [
  {
    file: 'news-report.txt',
    record: {
      id: 'src-news-taloqan',
      title: 'Gunfire reported near Taloqan; front and authorities give opposing accounts',
      kind: 'article',
      publisher: 'The Northern Ledger (sample newspaper)',
      publishedAt: '2025-04-14',
      retrievedAt: '2025-06-01',
      language: 'en',
      reliability: 'C',
      origin: { fileName: 'news-report.txt', format: 'txt' },
    },
  },
  {
    file: 'ngo-brief.txt',
    record: {
      id: 'src-ngo-personnel',
      title: 'Former security personnel in the north-east: livelihoods, fear and displacement',
      kind: 'report',
      publisher: 'Civilian Protection Monitor (sample NGO)',
      publishedAt: '2025-05-02',
      retrievedAt: '2025-06-01',
      language: 'en',
      reliability: 'B',
      origin: { fileName: 'ngo-brief.txt', format: 'txt' },
    },
  },
  {
    file: 'nff-statement.txt',
    record: {
      id: 'src-nff-statement',
      title: 'Statement of the National Freedom Front to the people of Afghanistan',
      kind: 'post',
      publisher: 'National Freedom Front (its own channel)',
      author: 'Leadership Council, National Freedom Front',
      publishedAt: '2025-03-21',
      retrievedAt: '2025-06-01',
      language: 'en',
      reliability: 'E',
      origin: { fileName: 'nff-statement.txt', format: 'txt' },
    },
  },
  {
    file: 'think-tank.txt',
    record: {
      id: 'src-thinktank-counting',
      title:
        'Counting the fronts: what the numbers of Afghanistan’s armed opposition can and cannot tell us',
      kind: 'report',
      publisher: 'Hindu Kush Policy Institute (sample think tank)',
      publishedAt: '2025-05-28',
      retrievedAt: '2025-06-01',
      language: 'en',
      reliability: 'B',
      origin: { fileName: 'think-tank.txt', format: 'txt' },
    },
  },
]

/** Every source of the sample, the brief first. */
export const SOURCES: SourceSpec[] = [{ record: SOURCE, file: SOURCE_FILE }, ...MORE_SOURCES]

export type EntitySpec = Omit<Entity, Stamped>

const AFGHANISTAN = 'Afghanistan'

const groups: EntitySpec[] = [
  {
    id: 'grp-taliban',
    type: 'group',
    name: 'Taliban',
    aliases: ['طالبان', 'Islamic Emirate of Afghanistan'],
    description:
      'De facto authorities in Afghanistan since August 2021; the target of every group in this sample.',
    attributes: { status: 'active' },
  },
  {
    id: 'grp-nrf',
    type: 'group',
    name: 'National Resistance Front',
    aliases: ['NRF'],
    description:
      'The best known anti-Taliban front, led by Ahmad Masoud; runs guerrilla operations from mountain strongholds in Panjshir, Andarab and Kapisa.',
    attributes: { acronym: 'NRF', status: 'active', phase: 'guerrilla-warfare' },
  },
  {
    id: 'grp-nff',
    type: 'group',
    name: 'National Freedom Front',
    aliases: ['NFF'],
    description:
      'Front led by General Mohammad Yasin Zia, former Afghan army chief; active in Takhar, Kunduz and Badakhshan and focused on long-term resistance planning. Its claim to have rallied about 70% of former security personnel is self-reported.',
    attributes: { acronym: 'NFF', status: 'active', phase: 'political-mobilization' },
  },
  {
    id: 'grp-rmj',
    type: 'group',
    name: 'Resistance Movement for Justice',
    aliases: ['RMJ'],
    description: 'Predominantly Hazara armed group active in Ghazni and Bamiyan.',
    attributes: { acronym: 'RMJ', status: 'active', phase: 'unknown' },
  },
  {
    id: 'grp-ftt',
    type: 'group',
    name: 'Free Tigers of Turkistan',
    aliases: ['FTT'],
    description: 'Self-described Uzbek force led by Yar Mohammad Dostom.',
    attributes: { acronym: 'FTT', status: 'claimed', phase: 'unknown' },
  },
  {
    id: 'grp-nifm',
    type: 'group',
    name: 'National Islamic Freedom Movement',
    aliases: [],
    description:
      'Anti-Taliban front with a strong Pashtun base in the eastern and southern provinces, unusual among the resistance groups.',
    attributes: { status: 'claimed', phase: 'unknown' },
  },
  {
    id: 'grp-freedom-uprising',
    type: 'group',
    name: 'Freedom Uprising',
    aliases: [],
    description: 'Smaller front; strength and command structure unknown.',
    attributes: { status: 'claimed', phase: 'unknown' },
  },
  {
    id: 'grp-wolf-unit',
    type: 'group',
    name: 'Wolf Unit',
    aliases: [],
    description: 'Smaller front; strength and command structure unknown.',
    attributes: { status: 'claimed', phase: 'unknown' },
  },
  {
    id: 'grp-supreme-resistance-council',
    type: 'group',
    name: 'Supreme Resistance Council',
    aliases: [],
    description: 'Smaller front; strength and command structure unknown.',
    attributes: { status: 'claimed', phase: 'unknown' },
  },
]

const people: EntitySpec[] = [
  {
    id: 'per-ahmad-masoud',
    type: 'person',
    name: 'Ahmad Masoud',
    aliases: ['Ahmad Massoud'],
    description: 'Leader of the National Resistance Front; son of Ahmad Shah Masoud.',
    attributes: { role: 'Leader, National Resistance Front' },
  },
  {
    id: 'per-ahmad-shah-masoud',
    type: 'person',
    name: 'Ahmad Shah Masoud',
    aliases: ['Ahmad Shah Massoud'],
    description: 'Commander from Panjshir; father of Ahmad Masoud.',
    attributes: { role: 'Commander' },
  },
  {
    id: 'per-mohammad-yasin-zia',
    type: 'person',
    name: 'Mohammad Yasin Zia',
    aliases: ['General Yasin Zia'],
    description: 'Former chief of the Afghan army; leads the National Freedom Front.',
    attributes: { role: 'Leader, National Freedom Front' },
  },
  {
    id: 'per-yar-mohammad-dostom',
    type: 'person',
    name: 'Yar Mohammad Dostom',
    aliases: ['Yar Mohammad Dostum'],
    description: 'Leader of the Free Tigers of Turkistan.',
    attributes: { role: 'Leader, Free Tigers of Turkistan' },
  },
]

/** A place linked to its entry in the bundled gazetteer (code, and point for a district). */
function place(
  id: string,
  name: string,
  gazetteerId: string,
  placeKind: 'province' | 'district',
  description: string,
  aliases: string[] = [],
): EntitySpec {
  const entry = gazetteerEntry(gazetteerId)
  if (!entry) throw new Error(`sample place ${id}: no gazetteer entry ${gazetteerId}`)
  const attributes = { placeKind, country: AFGHANISTAN }
  const link = Object.entries(gazetteerLinkPatch(entry, attributes)).filter(([, v]) => v !== null)
  return {
    id,
    type: 'place',
    name,
    aliases,
    description,
    attributes: { ...attributes, ...Object.fromEntries(link) },
  }
}

const places: EntitySpec[] = [
  place(
    'plc-panjshir',
    'Panjshir',
    'AF-PAN',
    'province',
    'Mountain valley province north of Kabul; home ground of the NRF.',
    ['پنجشیر', 'Panjshir Valley'],
  ),
  place(
    'plc-andarab',
    'Andarab',
    'AF-BGL/andarab',
    'district',
    'District in Baghlan province; an NRF area of operations.',
  ),
  place(
    'plc-kapisa',
    'Kapisa',
    'AF-KAP',
    'province',
    'Province north-east of Kabul; an NRF area of operations.',
  ),
  place(
    'plc-takhar',
    'Takhar',
    'AF-TAK',
    'province',
    'Northern province; an NFF area of operations.',
  ),
  place(
    'plc-kunduz',
    'Kunduz',
    'AF-KDZ',
    'province',
    'Northern province; an NFF area of operations.',
  ),
  place(
    'plc-badakhshan',
    'Badakhshan',
    'AF-BDS',
    'province',
    'North-eastern province; an NFF area of operations.',
  ),
  place(
    'plc-ghazni',
    'Ghazni',
    'AF-GHA',
    'province',
    'Central-eastern province with a large Hazara population; an RMJ area of operations.',
  ),
  place(
    'plc-bamiyan',
    'Bamiyan',
    'AF-BAM',
    'province',
    'Central highland province with a large Hazara population; an RMJ area of operations.',
  ),
]

function community(id: string, name: string, description: string): EntitySpec {
  return {
    id,
    type: 'community',
    name,
    aliases: [],
    description,
    attributes: { communityKind: 'ethnic' },
  }
}

const communities: EntitySpec[] = [
  community(
    'com-hazara',
    'Hazara',
    'Ethnic community of the central highlands; the base of the RMJ.',
  ),
  community(
    'com-uzbek',
    'Uzbek',
    'Ethnic community of the north; the constituency the FTT addresses.',
  ),
  community(
    'com-pashtun',
    'Pashtun',
    'Ethnic community strongest in the east and south; the base of the National Islamic Freedom Movement.',
  ),
]

export const ENTITIES: EntitySpec[] = [...groups, ...people, ...places, ...communities, ...EVENTS]

/** An annotation by its quote; the quote must occur exactly once in the normalized brief. */
export type AnnotationSpec = Omit<Annotation, Stamped | 'sourceId' | 'target' | 'anchor'> & {
  quote: string
  /** The brief unless said otherwise. */
  sourceId?: string
}

export const ANNOTATIONS: AnnotationSpec[] = [
  ...EVENT_ANNOTATIONS,
  {
    id: 'ann-overview-13-groups',
    quote: 'at least 13 anti-Taliban armed groups have surfaced inside Afghanistan',
    kind: 'fact',
    credibility: 3,
    comment:
      'Headline count of the armed opposition since the Taliban takeover; a floor, not a ceiling.',
    entityIds: ['grp-taliban'],
    tags: ['overview', 'count'],
  },
  {
    id: 'ann-overview-concentration',
    quote: 'Most of them are concentrated in the northern, central and eastern provinces',
    kind: 'fact',
    credibility: 3,
    comment: 'Geographic spread of the groups; fits the areas named for each front below.',
    entityIds: [],
    tags: ['overview', 'geography'],
  },
  {
    id: 'ann-overview-limits',
    quote: 'they remain limited in scale and coordination',
    kind: 'assessment',
    credibility: 3,
    comment: 'Overall judgement of capability: many small fronts, little joint action.',
    entityIds: [],
    tags: ['overview', 'capability'],
  },
  {
    id: 'ann-nrf-leader',
    quote: 'It is led by Ahmad Masoud, the son of the commander Ahmad Shah Masoud',
    kind: 'fact',
    credibility: 2,
    comment: 'NRF leadership and its family link to the earlier resistance.',
    entityIds: ['grp-nrf', 'per-ahmad-masoud', 'per-ahmad-shah-masoud'],
    tags: ['leadership'],
  },
  {
    id: 'ann-nrf-panjshir',
    quote: 'The NRF operates in Panjshir, Andarab and Kapisa.',
    kind: 'fact',
    credibility: 2,
    comment: 'NRF areas of operation.',
    entityIds: ['grp-nrf', 'plc-panjshir', 'plc-andarab', 'plc-kapisa'],
    tags: ['geography'],
  },
  {
    id: 'ann-nrf-guerrilla',
    quote:
      'It has survived several Taliban offensives against its home ground and continues to run guerrilla operations from mountain strongholds',
    kind: 'fact',
    credibility: 2,
    comment: 'Basis for placing the NRF in the guerrilla-warfare phase.',
    entityIds: ['grp-nrf', 'grp-taliban'],
    tags: ['phase', 'tactics'],
  },
  {
    id: 'ann-panjshir-dari',
    quote: 'In Dari the valley is written پنجشیر',
    kind: 'fact',
    credibility: 1,
    comment: 'Dari spelling of Panjshir, useful when searching local-language sources.',
    entityIds: ['plc-panjshir'],
    tags: ['name-form'],
  },
  {
    id: 'ann-nff-leader',
    quote:
      'The National Freedom Front (NFF) is led by General Mohammad Yasin Zia, a former chief of the Afghan army.',
    kind: 'fact',
    credibility: 2,
    comment:
      'NFF leadership; a former army chief gives the front reach into the old security forces.',
    entityIds: ['grp-nff', 'per-mohammad-yasin-zia'],
    tags: ['leadership'],
  },
  {
    id: 'ann-nff-70-percent',
    quote:
      'The NFF claims to have consolidated about 70% of former Afghan security personnel through virtual coordination networks.',
    kind: 'claim',
    credibility: 4,
    comment:
      'Self-reported by the NFF and not confirmed by anyone outside the group. Graded doubtful: "consolidated through virtual networks" may mean little more than contact lists.',
    entityIds: ['grp-nff'],
    tags: ['self-reported', 'strength'],
  },
  {
    id: 'ann-nff-provinces',
    quote: 'The front is active in Takhar, Kunduz and Badakhshan',
    kind: 'fact',
    credibility: 3,
    comment: 'NFF areas of operation in the north-east.',
    entityIds: ['grp-nff', 'plc-takhar', 'plc-kunduz', 'plc-badakhshan'],
    tags: ['geography'],
  },
  {
    id: 'ann-nff-planning',
    quote:
      'its public statements put the emphasis on long-term resistance planning against the Taliban',
    kind: 'assessment',
    credibility: 3,
    comment: 'Basis for placing the NFF in the political-mobilization phase.',
    entityIds: ['grp-nff', 'grp-taliban'],
    tags: ['phase', 'intent'],
  },
  {
    id: 'ann-rmj-hazara',
    quote:
      'The Resistance Movement for Justice (RMJ) is a predominantly Hazara group that has taken up arms against the Taliban.',
    kind: 'fact',
    credibility: 3,
    comment: 'RMJ support base and stance.',
    entityIds: ['grp-rmj', 'com-hazara', 'grp-taliban', 'evt-fronts-surface'],
    tags: ['support-base'],
  },
  {
    id: 'ann-rmj-provinces',
    quote: 'It is active in Ghazni and Bamiyan',
    kind: 'fact',
    credibility: 3,
    comment: 'RMJ areas of operation.',
    entityIds: ['grp-rmj', 'plc-ghazni', 'plc-bamiyan'],
    tags: ['geography'],
  },
  {
    id: 'ann-ftt-uzbek',
    quote:
      'The Free Tigers of Turkistan (FTT) present themselves as an Uzbek force fighting Taliban rule.',
    kind: 'claim',
    credibility: 3,
    comment: 'Self-description of the FTT; its actual Uzbek following is not measured.',
    entityIds: ['grp-ftt', 'com-uzbek', 'grp-taliban', 'evt-fronts-surface'],
    tags: ['support-base', 'self-reported'],
  },
  {
    id: 'ann-ftt-leader',
    quote: 'The group is led by Yar Mohammad Dostom',
    kind: 'fact',
    credibility: 3,
    comment: 'FTT leadership.',
    entityIds: ['grp-ftt', 'per-yar-mohammad-dostom'],
    tags: ['leadership'],
  },
  {
    id: 'ann-nifm-pashtun',
    quote:
      'The National Islamic Freedom Movement stands apart from the other anti-Taliban fronts because of its strong Pashtun base in the eastern and southern provinces.',
    kind: 'fact',
    credibility: 3,
    comment: 'A Pashtun-based front contests the Taliban on its own social ground.',
    entityIds: ['grp-nifm', 'com-pashtun', 'grp-taliban'],
    tags: ['support-base'],
  },
  {
    id: 'ann-smaller-fronts',
    quote:
      'Several smaller fronts have also declared armed opposition to the Taliban, among them the Freedom Uprising, the Wolf Unit and the Supreme Resistance Council.',
    kind: 'fact',
    credibility: 4,
    comment: 'Known mostly from their own declarations; activity hard to verify.',
    entityIds: [
      'grp-freedom-uprising',
      'grp-wolf-unit',
      'grp-supreme-resistance-council',
      'grp-taliban',
    ],
    tags: ['unverified'],
  },
  {
    id: 'ann-mao-stages',
    quote:
      'the three stages of protracted war described by Mao Zedong: political mobilization, guerrilla warfare and conventional warfare',
    kind: 'assessment',
    credibility: 3,
    comment: 'The framework behind the "phase" attribute of groups.',
    entityIds: [],
    tags: ['framework', 'phase'],
  },
  {
    id: 'ann-phase-assessment',
    quote:
      'most groups are believed to be in the political and guerrilla phases, still focused on recruitment, resources and bases',
    kind: 'assessment',
    credibility: 3,
    comment: 'Where the movement as a whole sits on the three stages.',
    entityIds: [],
    tags: ['phase'],
  },
  {
    id: 'ann-risk-expansion',
    quote:
      'Continued exclusionary policies and suppression of dissent could push these groups to expand and to unify.',
    kind: 'assessment',
    credibility: 3,
    comment: 'The main driver in the risk assessment: Taliban policy.',
    entityIds: ['grp-taliban'],
    tags: ['risk', 'indicator'],
  },
  {
    id: 'ann-risk-insurgency',
    quote:
      'a prolonged, fragmented insurgency rather than a single organized challenge, and such an insurgency could destabilize the region',
    kind: 'assessment',
    credibility: 3,
    comment: 'Most likely outcome if the groups grow: many fronts, regional spillover.',
    entityIds: [],
    tags: ['risk'],
  },
  {
    id: 'ann-risk-analyst',
    quote:
      'One regional security analyst judged that the ingredients of a serious resistance are in place',
    kind: 'assessment',
    credibility: 3,
    comment: 'Expert view reported in the brief; the analyst is not named.',
    entityIds: [],
    tags: ['risk', 'expert-view'],
  },
  ...MORE_ANNOTATIONS(),
]

/**
 * The quotes of the four other sources: the NFF's own figure, graded improbable because the
 * NGO's interviews and the think tank's estimate both contradict it, and the raid near
 * Taloqan that the front and the Taliban describe in opposite ways.
 */
function MORE_ANNOTATIONS(): AnnotationSpec[] {
  return [
    {
      id: 'ann-statement-70',
      sourceId: 'src-nff-statement',
      quote:
        'Seventy percent of the former security forces have joined our coordination networks and stand ready for the day of liberation.',
      kind: 'claim',
      credibility: 5,
      comment:
        'The front’s own figure, from a source graded E. Contradicted by the NGO’s interviews (9 of 112 approached, none active) and by the think tank’s estimate of a few hundred members: graded improbable.',
      entityIds: ['grp-nff'],
      tags: ['self-reported', 'strength', 'contradicted'],
    },
    {
      id: 'ann-statement-long-struggle',
      sourceId: 'src-nff-statement',
      quote: 'The Front does not seek quick victories.',
      kind: 'claim',
      credibility: 3,
      comment: 'Fits the brief’s reading of the NFF as a front still in the political phase.',
      entityIds: ['grp-nff'],
      tags: ['self-reported', 'intent'],
    },
    {
      id: 'ann-ngo-approached',
      sourceId: 'src-ngo-personnel',
      quote:
        'Only 9 of the 112 respondents said they had been approached by an armed opposition group, and only 3 said they kept in regular contact with one.',
      kind: 'fact',
      credibility: 2,
      comment:
        'Contradicts the NFF’s claim that 70% of former personnel joined it; a small sample reached through community contacts, as the NGO itself says.',
      entityIds: ['grp-nff'],
      tags: ['strength', 'contradicts-70-claim'],
    },
    {
      id: 'ann-thinktank-estimate',
      sourceId: 'src-thinktank-counting',
      quote: 'Our estimate is that the front can call on a few hundred active members at most.',
      kind: 'assessment',
      credibility: 3,
      comment:
        'An outside estimate of the NFF’s strength, far below its own claim; based on the attacks monitors could confirm.',
      entityIds: ['grp-nff'],
      tags: ['strength', 'contradicts-70-claim'],
    },
    {
      id: 'ann-news-raid-claim',
      sourceId: 'src-news-taloqan',
      quote:
        'The National Freedom Front said in a message to journalists that its fighters had attacked a Taliban security post and killed several guards.',
      kind: 'claim',
      credibility: 4,
      comment: 'The front’s account, unconfirmed; the newspaper could not reach the area.',
      entityIds: ['grp-nff', 'grp-taliban'],
      tags: ['self-reported', 'attack'],
    },
    {
      id: 'ann-news-raid-denial',
      sourceId: 'src-news-taloqan',
      quote:
        'A district spokesman for the Taliban administration said that no attack had taken place and that the shooting came from a wedding celebration.',
      kind: 'claim',
      credibility: 4,
      comment: 'The authorities’ account of the same night; no more confirmed than the front’s.',
      entityIds: ['grp-taliban'],
      tags: ['denial', 'attack'],
    },
  ]
}

export type RelationSpec = Omit<Relation, Stamped>

function rel(
  id: string,
  type: Relation['type'],
  from: string,
  to: string,
  evidence: string[],
  confidence: Relation['confidence'],
  comment = '',
): RelationSpec {
  return { id, type, from, to, evidence, confidence, comment }
}

export const RELATIONS: RelationSpec[] = [
  ...EVENT_RELATIONS,
  rel(
    'rel-ahmad-masoud-leads-nrf',
    'leads',
    'per-ahmad-masoud',
    'grp-nrf',
    ['ann-nrf-leader'],
    'high',
  ),
  rel(
    'rel-yasin-zia-leads-nff',
    'leads',
    'per-mohammad-yasin-zia',
    'grp-nff',
    ['ann-nff-leader'],
    'high',
  ),
  rel(
    'rel-dostom-leads-ftt',
    'leads',
    'per-yar-mohammad-dostom',
    'grp-ftt',
    ['ann-ftt-leader'],
    'medium',
  ),
  rel(
    'rel-ahmad-masoud-related-to-ahmad-shah-masoud',
    'related-to',
    'per-ahmad-masoud',
    'per-ahmad-shah-masoud',
    ['ann-nrf-leader'],
    'high',
    'son of',
  ),

  rel(
    'rel-nrf-operates-in-panjshir',
    'operates-in',
    'grp-nrf',
    'plc-panjshir',
    ['ann-nrf-panjshir'],
    'high',
  ),
  rel(
    'rel-nrf-operates-in-andarab',
    'operates-in',
    'grp-nrf',
    'plc-andarab',
    ['ann-nrf-panjshir'],
    'high',
  ),
  rel(
    'rel-nrf-operates-in-kapisa',
    'operates-in',
    'grp-nrf',
    'plc-kapisa',
    ['ann-nrf-panjshir'],
    'high',
  ),
  rel(
    'rel-nff-operates-in-takhar',
    'operates-in',
    'grp-nff',
    'plc-takhar',
    ['ann-nff-provinces'],
    'medium',
  ),
  rel(
    'rel-nff-operates-in-kunduz',
    'operates-in',
    'grp-nff',
    'plc-kunduz',
    ['ann-nff-provinces'],
    'medium',
  ),
  rel(
    'rel-nff-operates-in-badakhshan',
    'operates-in',
    'grp-nff',
    'plc-badakhshan',
    ['ann-nff-provinces'],
    'medium',
  ),
  rel(
    'rel-rmj-operates-in-ghazni',
    'operates-in',
    'grp-rmj',
    'plc-ghazni',
    ['ann-rmj-provinces'],
    'medium',
  ),
  rel(
    'rel-rmj-operates-in-bamiyan',
    'operates-in',
    'grp-rmj',
    'plc-bamiyan',
    ['ann-rmj-provinces'],
    'medium',
  ),

  rel(
    'rel-rmj-draws-support-from-hazara',
    'draws-support-from',
    'grp-rmj',
    'com-hazara',
    ['ann-rmj-hazara'],
    'medium',
  ),
  rel(
    'rel-ftt-draws-support-from-uzbek',
    'draws-support-from',
    'grp-ftt',
    'com-uzbek',
    ['ann-ftt-uzbek'],
    'low',
    'Self-described; following not measured.',
  ),
  rel(
    'rel-nifm-draws-support-from-pashtun',
    'draws-support-from',
    'grp-nifm',
    'com-pashtun',
    ['ann-nifm-pashtun'],
    'medium',
  ),

  rel(
    'rel-nrf-opposes-taliban',
    'opposes',
    'grp-nrf',
    'grp-taliban',
    ['ann-nrf-guerrilla'],
    'high',
  ),
  rel('rel-nff-opposes-taliban', 'opposes', 'grp-nff', 'grp-taliban', ['ann-nff-planning'], 'high'),
  rel('rel-rmj-opposes-taliban', 'opposes', 'grp-rmj', 'grp-taliban', ['ann-rmj-hazara'], 'high'),
  rel('rel-ftt-opposes-taliban', 'opposes', 'grp-ftt', 'grp-taliban', ['ann-ftt-uzbek'], 'medium'),
  rel(
    'rel-nifm-opposes-taliban',
    'opposes',
    'grp-nifm',
    'grp-taliban',
    ['ann-nifm-pashtun'],
    'medium',
  ),
  rel(
    'rel-freedom-uprising-opposes-taliban',
    'opposes',
    'grp-freedom-uprising',
    'grp-taliban',
    ['ann-smaller-fronts'],
    'medium',
  ),
  rel(
    'rel-wolf-unit-opposes-taliban',
    'opposes',
    'grp-wolf-unit',
    'grp-taliban',
    ['ann-smaller-fronts'],
    'medium',
  ),
  rel(
    'rel-supreme-resistance-council-opposes-taliban',
    'opposes',
    'grp-supreme-resistance-council',
    'grp-taliban',
    ['ann-smaller-fronts'],
    'medium',
  ),
]

export type NoteSpec = Omit<Note, Stamped>

export const NOTES: NoteSpec[] = [
  {
    id: 'note-landscape',
    title: 'The armed opposition at a glance',
    body: [
      '# The armed opposition at a glance',
      '',
      'The brief counts [at least 13 groups](quote:ann-overview-13-groups) since 2021, mostly in the',
      '[north, centre and east](quote:ann-overview-concentration), and judges them',
      '[limited in scale and coordination](quote:ann-overview-limits).',
      '',
      '## Who leads what',
      '',
      '- [National Resistance Front](entity:grp-nrf): led by [Ahmad Masoud](entity:per-ahmad-masoud),',
      '  [son of Ahmad Shah Masoud](quote:ann-nrf-leader); holds out in',
      '  [Panjshir, Andarab and Kapisa](quote:ann-nrf-panjshir).',
      '- [National Freedom Front](entity:grp-nff): led by',
      '  [Mohammad Yasin Zia](entity:per-mohammad-yasin-zia) ([source](quote:ann-nff-leader)); active in',
      '  [Takhar, Kunduz and Badakhshan](quote:ann-nff-provinces).',
      '- [Resistance Movement for Justice](entity:grp-rmj): [predominantly Hazara](quote:ann-rmj-hazara),',
      '  [in Ghazni and Bamiyan](quote:ann-rmj-provinces).',
      '- [Free Tigers of Turkistan](entity:grp-ftt): [Uzbek by its own account](quote:ann-ftt-uzbek),',
      '  [led by Yar Mohammad Dostom](quote:ann-ftt-leader).',
      '- [National Islamic Freedom Movement](entity:grp-nifm): the one front with a',
      '  [Pashtun base](quote:ann-nifm-pashtun).',
      '- [Freedom Uprising](entity:grp-freedom-uprising), [Wolf Unit](entity:grp-wolf-unit) and',
      '  [Supreme Resistance Council](entity:grp-supreme-resistance-council): [names, little else](quote:ann-smaller-fronts).',
      '',
    ].join('\n'),
  },
  {
    id: 'note-nff-claim',
    title: 'Weighing the NFF’s 70% claim',
    body: [
      '# Weighing the NFF’s 70% claim',
      '',
      'The [National Freedom Front](entity:grp-nff) says it has',
      '[consolidated about 70% of former security personnel](quote:ann-nff-70-percent). The figure is',
      'self-reported and unconfirmed, so it is graded 4 (doubtful).',
      '',
      'What makes it plausible: its leader [Mohammad Yasin Zia](entity:per-mohammad-yasin-zia) is',
      '[a former army chief](quote:ann-nff-leader), with a natural network among former soldiers.',
      'What makes it doubtful: "virtual coordination networks" can mean contact lists rather than',
      'fighters, and the front itself stresses [long-term planning](quote:ann-nff-planning) over action.',
      '',
      'Indicators that would raise the grade: confirmed attacks in',
      '[Takhar](entity:plc-takhar), [Kunduz](entity:plc-kunduz) or [Badakhshan](entity:plc-badakhshan)',
      'attributed to the NFF by sources other than its own channels.',
      '',
    ].join('\n'),
  },
  {
    id: 'note-phases',
    title: 'Where the groups stand on Mao’s three stages',
    body: [
      '# Where the groups stand on Mao’s three stages',
      '',
      'The brief uses [Mao’s three stages](quote:ann-mao-stages) as a lens and places',
      '[most groups in the political and guerrilla phases](quote:ann-phase-assessment).',
      '',
      '| Group | Phase | Basis |',
      '| --- | --- | --- |',
      '| [NRF](entity:grp-nrf) | guerrilla warfare | [guerrilla operations from mountain strongholds](quote:ann-nrf-guerrilla) |',
      '| [NFF](entity:grp-nff) | political mobilization | [long-term resistance planning](quote:ann-nff-planning) |',
      '| others | unknown | not enough in the brief |',
      '',
      'The risk to watch is a move toward unity:',
      '[exclusion and repression could push the groups to expand and unify](quote:ann-risk-expansion),',
      'leading to',
      '[a prolonged, fragmented insurgency](quote:ann-risk-insurgency). One analyst already sees',
      '[the ingredients of a serious resistance](quote:ann-risk-analyst) against the',
      '[Taliban](entity:grp-taliban).',
      '',
    ].join('\n'),
  },
]

export type AnalysisSpec = Omit<Analysis, Stamped>
export type AnalysisEvidenceSpec = Omit<AnalysisEvidence, Stamped | 'analysisId'>

const MOBILIZATION = 'hyp-political-mobilization'
const GUERRILLA = 'hyp-guerrilla-warfare'
const CONVENTIONAL = 'hyp-conventional-warfare'

/** One worked Analysis of Competing Hypotheses over the brief's quotes. */
export const ANALYSIS: AnalysisSpec = {
  id: 'analysis-mao-stage',
  question: 'Which of Mao’s three stages describes the armed opposition today?',
  description:
    'The armed opposition to the Taliban taken as a whole, not any one front, set against the ' +
    'three stages of protracted war. Each quote is rated for what it says about the movement ' +
    'as the brief describes it in 2025.',
  hypotheses: [
    {
      id: MOBILIZATION,
      title: 'Political mobilization',
      description:
        'The fronts are still recruiting, raising money and building networks; fighting is rare ' +
        'and mostly a way of being noticed.',
    },
    {
      id: GUERRILLA,
      title: 'Guerrilla warfare',
      description:
        'At least the main fronts wear Taliban forces down with small, repeated attacks from safe ' +
        'ground, without trying to hold it.',
    },
    {
      id: CONVENTIONAL,
      title: 'Conventional warfare',
      description: 'Fronts hold territory and meet Taliban units in open battle.',
    },
  ],
}

const rate = (
  mobilization: AchRating,
  guerrilla: AchRating,
  conventional: AchRating,
): AnalysisEvidenceSpec['cells'] => ({
  [MOBILIZATION]: { rating: mobilization },
  [GUERRILLA]: { rating: guerrilla },
  [CONVENTIONAL]: { rating: conventional },
})

/** The rows of the analysis, in the order they were added; ratings are the sample analyst's. */
export const ANALYSIS_EVIDENCE: AnalysisEvidenceSpec[] = [
  {
    id: 'ev-nrf-guerrilla',
    annotationId: 'ann-nrf-guerrilla',
    relevance: 'high',
    cells: {
      ...rate('I', 'CC', 'I'),
      [MOBILIZATION]: {
        rating: 'I',
        comment: 'Raids on patrols and checkpoints go past building support.',
      },
    },
  },
  {
    id: 'ev-phase-assessment',
    annotationId: 'ann-phase-assessment',
    relevance: 'high',
    cells: rate('C', 'C', 'II'),
  },
  {
    id: 'ev-overview-limits',
    annotationId: 'ann-overview-limits',
    relevance: 'high',
    cells: rate('C', 'C', 'II'),
  },
  {
    id: 'ev-nff-planning',
    annotationId: 'ann-nff-planning',
    relevance: 'medium',
    cells: {
      ...rate('CC', 'I', 'I'),
      [GUERRILLA]: {
        rating: 'I',
        comment:
          'Planning for later rather than fighting now: the NFF reads as a first-stage front.',
      },
    },
  },
  {
    id: 'ev-nff-70-percent',
    annotationId: 'ann-nff-70-percent',
    relevance: 'medium',
    cells: rate('C', 'N', 'N'),
  },
  {
    id: 'ev-risk-insurgency',
    annotationId: 'ann-risk-insurgency',
    relevance: 'medium',
    cells: rate('N', 'C', 'I'),
  },
  {
    id: 'ev-smaller-fronts',
    annotationId: 'ann-smaller-fronts',
    relevance: 'low',
    cells: rate('C', 'N', 'I'),
  },
  {
    id: 'ev-overview-13-groups',
    annotationId: 'ann-overview-13-groups',
    relevance: 'low',
    cells: rate('C', 'C', 'N'),
  },
  {
    id: 'ev-mao-stages',
    annotationId: 'ann-mao-stages',
    relevance: 'low',
    cells: rate('N', 'N', 'N'),
  },
  {
    id: 'ev-no-held-ground',
    note: 'Nowhere does the brief place a front in lasting control of a district centre or a provincial capital.',
    credibility: 3,
    relevance: 'medium',
    cells: rate('N', 'C', 'II'),
  },
]
