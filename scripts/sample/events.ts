/**
 * The sample's dated events, written for Sightline from what the brief already says: the
 * Taliban's return in August 2021, the armed groups that surfaced after it, the resistance
 * of the 1990s and the NFF's claim. Each has a quote from the brief; participants are
 * participated-in relations, like every link in the sample. Where the sample already quotes a
 * front taking up arms (the RMJ, the FTT), that quote backs its part rather than a second,
 * overlapping one.
 */
import type { AnnotationSpec, EntitySpec, RelationSpec } from './spec'

export const EVENTS: EntitySpec[] = [
  {
    id: 'evt-taliban-return',
    type: 'event',
    name: 'Taliban return to power',
    aliases: [],
    description:
      'The Taliban take Kabul and form the de facto government; the starting point of every front in the brief.',
    attributes: {
      eventKind: 'other',
      eventDate: '2021-08-01',
      datePrecision: 'month',
      dateText: 'August 2021',
    },
  },
  {
    id: 'evt-fronts-surface',
    type: 'event',
    name: 'Armed fronts surface against the Taliban',
    aliases: [],
    description:
      'At least 13 armed groups declare themselves against the new authorities, most of them in the north, centre and east.',
    attributes: {
      eventKind: 'formation',
      eventDate: '2021-08-01',
      datePrecision: 'approximate',
      dateText: 'since 2021',
      ongoing: true,
    },
  },
  {
    id: 'evt-resistance-1990s',
    type: 'event',
    name: 'Resistance to the first Taliban government',
    aliases: [],
    description:
      'The northern and central highlands hold out against the first Taliban government; several of today’s leaders come from its networks.',
    attributes: {
      eventKind: 'other',
      eventDate: '1990-01-01',
      eventEnd: '1999-12-31',
      datePrecision: 'year',
      dateText: 'the 1990s',
    },
  },
  {
    id: 'evt-nff-70-claim',
    type: 'event',
    name: 'NFF claims to have rallied former security personnel',
    aliases: [],
    description:
      'The National Freedom Front says it has brought about 70% of former Afghan security personnel into its networks; nobody outside the front has confirmed it.',
    attributes: {
      eventKind: 'claim',
      eventDate: '2025-01-01',
      datePrecision: 'approximate',
      dateText: 'by May 2025, when the brief was written',
    },
  },
]

export const EVENT_ANNOTATIONS: AnnotationSpec[] = [
  {
    id: 'ann-event-taliban-return',
    quote:
      'Since the Taliban returned to power in August 2021, at least 13 anti-Taliban armed groups have surfaced inside Afghanistan.',
    kind: 'fact',
    credibility: 2,
    comment:
      'Dates the takeover to August 2021 and the rise of the armed fronts to the years after.',
    entityIds: ['evt-taliban-return', 'evt-fronts-surface', 'grp-taliban'],
    tags: ['date'],
  },
  {
    id: 'ann-event-1990s',
    quote:
      'The northern and central highlands were the heartland of the resistance to the first Taliban government in the 1990s',
    kind: 'fact',
    credibility: 2,
    comment: 'The earlier war whose networks today’s fronts grew out of.',
    entityIds: ['evt-resistance-1990s'],
    tags: ['date', 'history'],
  },
  {
    id: 'ann-event-masoud-1990s',
    quote: 'whose name is still closely tied to resistance in the northeast',
    kind: 'assessment',
    credibility: 3,
    comment: 'Links Ahmad Shah Masoud to the resistance of the 1990s.',
    entityIds: ['per-ahmad-shah-masoud', 'evt-resistance-1990s'],
    tags: ['history'],
  },
  {
    id: 'ann-event-nff-unconfirmed',
    quote: 'That figure is self-reported and has not been confirmed by anyone outside the group',
    kind: 'assessment',
    credibility: 4,
    comment: 'The 70% claim stands on the front’s word alone.',
    entityIds: ['evt-nff-70-claim', 'grp-nff'],
    tags: ['claim'],
  },
]

function took(id: string, who: string, event: string, evidence: string[]): RelationSpec {
  return {
    id,
    type: 'participated-in',
    from: who,
    to: event,
    evidence,
    confidence: evidence.length > 0 ? 'medium' : 'low',
    comment: '',
  }
}

export const EVENT_RELATIONS: RelationSpec[] = [
  took('rel-taliban-in-return', 'grp-taliban', 'evt-taliban-return', ['ann-event-taliban-return']),
  took('rel-rmj-in-fronts-surface', 'grp-rmj', 'evt-fronts-surface', ['ann-rmj-hazara']),
  took('rel-ftt-in-fronts-surface', 'grp-ftt', 'evt-fronts-surface', ['ann-ftt-uzbek']),
  took('rel-masoud-in-resistance-1990s', 'per-ahmad-shah-masoud', 'evt-resistance-1990s', [
    'ann-event-masoud-1990s',
  ]),
  took('rel-nff-in-70-claim', 'grp-nff', 'evt-nff-70-claim', ['ann-event-nff-unconfirmed']),
]
