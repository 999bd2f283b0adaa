/**
 * The sample project's content, written by hand. Annotations are given as quotes only:
 * build.ts finds each one in brief.txt and computes its selectors, so no offset here can
 * drift from the text.
 */
import type {
  Annotation,
  Entity,
  Note,
  ProjectMeta,
  Relation,
  SourceRecord,
} from '../../src/shared/model'
import { gazetteerEntry } from '../../src/shared/geo/gazetteer'
import { gazetteerLinkPatch } from '../../src/shared/geo/place-geography'

/** One fixed instant for every record, so two builds are byte-identical. */
export const TIMESTAMP = '2025-06-01T09:00:00.000Z'

type Stamped = 'createdAt' | 'updatedAt'

export const PROJECT: Omit<ProjectMeta, Stamped> = {
  id: 'sample',
  name: 'Armed opposition to the Taliban (sample)',
  description:
    'A small worked example built from one analyst brief: the armed groups that have surfaced ' +
    'against the Taliban since 2021, their leaders, areas and support bases, each link backed ' +
    'by a quote from the brief.',
}

/** The source minus what build.ts derives from the text (hash and length). */
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

export const ENTITIES: EntitySpec[] = [...groups, ...people, ...places, ...communities]

/** An annotation by its quote; the quote must occur exactly once in the normalized brief. */
export type AnnotationSpec = Omit<Annotation, Stamped | 'sourceId' | 'target' | 'anchor'> & {
  quote: string
}

export const ANNOTATIONS: AnnotationSpec[] = [
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
    entityIds: ['grp-rmj', 'com-hazara', 'grp-taliban'],
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
    entityIds: ['grp-ftt', 'com-uzbek', 'grp-taliban'],
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
]

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
