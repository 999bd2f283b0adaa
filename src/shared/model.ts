/**
 * The domain model (v1): zod schemas are the single source of truth; types are inferred.
 * Imports zod only, so main, preload and renderer can all share it.
 */
import { z } from 'zod'

export const SCHEMA_VERSION = 1

export const Id = z
  .string()
  .min(1)
  .max(128)
  .regex(/^[A-Za-z0-9_-]+$/, 'ids use letters, digits, "-" and "_" only')
export type Id = z.infer<typeof Id>

export const Timestamp = z.iso.datetime({ offset: true })
/** A calendar date (YYYY-MM-DD); partial dates are written as the first day of the period. */
export const IsoDate = z.iso.date()

const recordBase = {
  id: Id,
  createdAt: Timestamp,
  updatedAt: Timestamp,
}

const ShortText = z.string().max(500)
const LongText = z.string().max(200_000)
const HttpUrl = z.url({ protocol: /^https?$/, hostname: z.regexes.domain })
const Sha256 = z.string().regex(/^[0-9a-f]{64}$/, 'a lowercase hex sha256')

// ---------------------------------------------------------------- sources

/**
 * "dataset": a file of structured records kept as the evidence of what was imported from it
 * (a STIX bundle, a CSV of entities): each imported record quotes its own lines.
 */
export const SOURCE_KINDS = ['article', 'report', 'transcript', 'post', 'other', 'dataset'] as const
export const SourceKind = z.enum(SOURCE_KINDS)

/** Admiralty (NATO) source reliability, A to F; their words are in admiralty.ts. */
export const RELIABILITY_GRADES = ['A', 'B', 'C', 'D', 'E', 'F'] as const
export const Reliability = z.enum(RELIABILITY_GRADES)
export type Reliability = z.infer<typeof Reliability>

const SOURCE_FORMATS = ['txt', 'md', 'html', 'pdf', 'docx', 'paste', 'stix', 'csv'] as const
const SourceOrigin = z.strictObject({
  fileName: ShortText,
  format: z.enum(SOURCE_FORMATS),
})

/** An earlier text of a source, replaced by an edit or a re-imported version. */
export const SourceVersion = z.strictObject({
  contentHash: Sha256,
  length: z.number().int().nonnegative(),
  replacedAt: Timestamp,
  reason: z.enum(['edit', 'reimport']),
  fileName: ShortText.optional(),
})
export type SourceVersion = z.infer<typeof SourceVersion>

/**
 * A source as stored in project.json. Its normalized text lives in
 * sources/<contentHash>.txt, written once; every offset refers to that text.
 */
export const SourceRecord = z.strictObject({
  ...recordBase,
  title: ShortText.min(1),
  kind: SourceKind,
  url: HttpUrl.optional(),
  publisher: ShortText.optional(),
  author: ShortText.optional(),
  publishedAt: IsoDate.optional(),
  retrievedAt: IsoDate.optional(),
  language: z
    .string()
    .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a BCP 47 language tag such as "en" or "fa-AF"')
    .optional(),
  reliability: Reliability,
  contentHash: Sha256,
  /** Length of the normalized text in UTF-16 code units, the unit of every offset. */
  length: z.number().int().nonnegative(),
  origin: SourceOrigin,
  /** Start offset of each page in the text (PDFs), so a quote can say "p. 4". */
  pages: z.array(z.number().int().nonnegative()).max(100_000).optional(),
  /** Earlier texts of this source (edits, re-imported versions), oldest first; files kept. */
  history: z.array(SourceVersion).max(1_000).optional(),
})
export type SourceRecord = z.infer<typeof SourceRecord>

// ---------------------------------------------------------------- annotations

/** W3C Web Annotation TextQuoteSelector. */
const TextQuoteSelector = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(20_000),
  prefix: z.string().max(200),
  suffix: z.string().max(200),
})
export type TextQuoteSelector = z.infer<typeof TextQuoteSelector>

/** W3C Web Annotation TextPositionSelector: [start, end) in UTF-16 code units. */
const TextPositionSelector = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((s) => s.end > s.start, { message: 'end must be after start' })
export type TextPositionSelector = z.infer<typeof TextPositionSelector>

export const AnnotationTarget = z.strictObject({
  quote: TextQuoteSelector,
  position: TextPositionSelector,
})
export type AnnotationTarget = z.infer<typeof AnnotationTarget>

export const ANNOTATION_KINDS = ['claim', 'fact', 'assessment', 'quote'] as const
export const AnnotationKind = z.enum(ANNOTATION_KINDS)

/** Admiralty information credibility, 1 (best) to 6; their words are in admiralty.ts. */
export const Credibility = z.number().int().min(1).max(6)
export type Credibility = z.infer<typeof Credibility>

const ANCHOR_STATES = ['exact', 'moved', 'fuzzy', 'orphaned'] as const
export const AnchorState = z.strictObject({
  state: z.enum(ANCHOR_STATES),
  /** Match quality in [0, 1] for fuzzy anchors. */
  score: z.number().min(0).max(1).optional(),
})
export type AnchorState = z.infer<typeof AnchorState>

const Tag = z.string().min(1).max(64)

export const Annotation = z.strictObject({
  ...recordBase,
  sourceId: Id,
  target: AnnotationTarget,
  comment: LongText,
  kind: AnnotationKind,
  credibility: Credibility,
  entityIds: z.array(Id).max(500),
  tags: z.array(Tag).max(100),
  anchor: AnchorState,
})
export type Annotation = z.infer<typeof Annotation>

// ---------------------------------------------------------------- entities

/** Built-in entity types; a project may use other lowercase type names. */
export const KNOWN_ENTITY_TYPES = ['group', 'person', 'place', 'community'] as const
export type KnownEntityType = (typeof KNOWN_ENTITY_TYPES)[number]
export const EntityType = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, 'a lowercase type name such as "group"')
export type EntityType = z.infer<typeof EntityType>

/** Mao's three stages of protracted war, plus unknown. */
export const GROUP_PHASES = [
  'political-mobilization',
  'guerrilla-warfare',
  'conventional-warfare',
  'unknown',
] as const
const GroupPhase = z.enum(GROUP_PHASES)
export type GroupPhase = z.infer<typeof GroupPhase>

export const GROUP_STATUSES = ['active', 'dormant', 'defunct', 'claimed', 'unknown'] as const
const GroupStatus = z.enum(GROUP_STATUSES)

export const PLACE_KINDS = ['country', 'region', 'province', 'district', 'city', 'other'] as const
export const COMMUNITY_KINDS = ['ethnic', 'religious', 'tribal', 'linguistic', 'other'] as const

const AttributeValue = z.union([
  z.string().max(2_000),
  z.number().finite(),
  z.boolean(),
  z.array(z.string().max(500)).max(100),
])

/** Attributes each built-in type understands; a record may carry extra scalar attributes. */
export const TYPED_ATTRIBUTES = {
  group: z.strictObject({
    acronym: z.string().max(32).optional(),
    status: GroupStatus.optional(),
    phase: GroupPhase.optional(),
    ideology: ShortText.optional(),
    estimatedStrength: z.number().int().nonnegative().optional(),
    firstSeen: IsoDate.optional(),
  }),
  person: z.strictObject({
    role: ShortText.optional(),
  }),
  place: z.strictObject({
    placeKind: z.enum(PLACE_KINDS).optional(),
    country: ShortText.optional(),
    /** ISO 3166-2 code of the subdivision the place is, or lies in ("AF-PAN"). */
    iso3166Code: z
      .string()
      .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}$/, 'an ISO 3166-2 code such as "AF-PAN"')
      .optional(),
    /** WGS84 degrees; the map places a point only when both are given. */
    latitude: z.number().min(-90).max(90).optional(),
    longitude: z.number().min(-180).max(180).optional(),
    /** The bundled gazetteer entry the place is linked to ("AF-PAN", "AF-BGL/andarab"). */
    gazetteerId: z
      .string()
      .max(64)
      .regex(/^[A-Z]{2}-[A-Z0-9]{1,3}(\/[a-z0-9-]+)?$/, 'a gazetteer id such as "AF-BGL/andarab"')
      .optional(),
  }),
  community: z.strictObject({
    communityKind: z.enum(COMMUNITY_KINDS).optional(),
  }),
} as const satisfies Record<KnownEntityType, z.ZodType>

/** The union of every typed attribute, plus free extension attributes. */
export const EntityAttributes = z
  .object({
    ...TYPED_ATTRIBUTES.group.shape,
    ...TYPED_ATTRIBUTES.person.shape,
    ...TYPED_ATTRIBUTES.place.shape,
    ...TYPED_ATTRIBUTES.community.shape,
  })
  .catchall(AttributeValue)
export type EntityAttributes = z.infer<typeof EntityAttributes>

const typedAttributeOwner = new Map<string, KnownEntityType>(
  KNOWN_ENTITY_TYPES.flatMap((type) =>
    Object.keys(TYPED_ATTRIBUTES[type].shape).map((key) => [key, type] as const),
  ),
)

/** Refuses an attribute that belongs to another built-in type (a phase on a person). */
function checkAttributesFitType(
  value: { type: string; attributes: Record<string, unknown> },
  ctx: z.RefinementCtx,
): void {
  for (const key of Object.keys(value.attributes)) {
    const owner = typedAttributeOwner.get(key)
    if (owner && owner !== value.type) {
      ctx.addIssue({
        code: 'custom',
        path: ['attributes', key],
        message: `"${key}" is an attribute of a ${owner}, not of a ${value.type}`,
      })
    }
  }
}

const EntityName = z.string().trim().min(1, 'a name is required').max(300)

export const Entity = z
  .strictObject({
    ...recordBase,
    type: EntityType,
    name: EntityName,
    aliases: z.array(z.string().trim().min(1).max(300)).max(100),
    description: LongText,
    attributes: EntityAttributes,
  })
  .superRefine(checkAttributesFitType)
export type Entity = z.infer<typeof Entity>

// ---------------------------------------------------------------- relations

export const RELATION_TYPES = [
  'leads',
  'member-of',
  'operates-in',
  'draws-support-from',
  'allied-with',
  'rival-of',
  'splinter-of',
  'opposes',
  'related-to',
] as const
export const RelationType = z.enum(RELATION_TYPES)
export type RelationType = z.infer<typeof RelationType>

export const CONFIDENCE_LEVELS = ['low', 'medium', 'high'] as const

export const Relation = z
  .strictObject({
    ...recordBase,
    type: RelationType,
    from: Id,
    to: Id,
    /** Annotation ids whose quotes support the relation; empty means unsupported. */
    evidence: z.array(Id).max(1_000),
    confidence: z.enum(CONFIDENCE_LEVELS),
    validFrom: IsoDate.optional(),
    validTo: IsoDate.optional(),
    comment: LongText,
  })
  .refine((r) => r.from !== r.to, { message: 'a relation links two different entities' })
export type Relation = z.infer<typeof Relation>

// ---------------------------------------------------------------- notes and reports

/** A note's Markdown body cites quotes as [text](quote:<id>) and mentions as [text](entity:<id>). */
export const Note = z.strictObject({
  ...recordBase,
  title: ShortText.min(1),
  body: z.string().max(2_000_000),
})
export type Note = z.infer<typeof Note>

/**
 * What a map shows: groups, quotes or claims per province (a choropleth), or the areas of
 * operation of chosen groups compared by colour.
 */
export const MAP_LAYERS = ['groups', 'quotes', 'claims', 'areas'] as const
export type MapLayer = (typeof MAP_LAYERS)[number]
/** Colours stay distinct up to this many groups on one map. */
export const MAX_MAP_GROUPS = 8

export const REPORT_PAGE_SIZES = ['A4', 'Letter'] as const
/** Margin presets: narrow 12.7 mm, normal 20 mm, wide 25.4 mm at the sides. */
export const REPORT_MARGINS = ['narrow', 'normal', 'wide'] as const

export const ReportSection = z.discriminatedUnion('kind', [
  z.strictObject({ id: Id, kind: z.literal('note'), noteId: Id }),
  z.strictObject({
    id: Id,
    kind: z.literal('entity-table'),
    entityType: EntityType,
    columns: z.array(z.string().max(64)).max(50),
    filter: z.string().max(500).optional(),
  }),
  z.strictObject({ id: Id, kind: z.literal('graph'), caption: ShortText.optional() }),
  z.strictObject({ id: Id, kind: z.literal('quotes'), annotationIds: z.array(Id).max(5_000) }),
  z.strictObject({
    id: Id,
    kind: z.literal('map'),
    layer: z.enum(MAP_LAYERS),
    /** The groups the "areas" layer compares, in the order of their colours. */
    groupIds: z.array(Id).max(MAX_MAP_GROUPS),
    /** Only relations valid in this period (inclusive); either end may be open. */
    from: IsoDate.optional(),
    to: IsoDate.optional(),
    caption: ShortText.optional(),
  }),
])
export type ReportSection = z.infer<typeof ReportSection>

export const Report = z.strictObject({
  ...recordBase,
  title: ShortText.min(1),
  author: ShortText,
  date: IsoDate.optional(),
  classification: ShortText,
  sections: z.array(ReportSection).max(500),
  options: z.strictObject({
    pageSize: z.enum(REPORT_PAGE_SIZES),
    appendixOfEntityQuotes: z.boolean(),
    /** Page margins; absent means normal. */
    margins: z.enum(REPORT_MARGINS).optional(),
  }),
})
export type Report = z.infer<typeof Report>

// ---------------------------------------------------------------- the project file

export const ProjectMeta = z.strictObject({
  ...recordBase,
  name: ShortText.min(1),
  description: LongText,
})
export type ProjectMeta = z.infer<typeof ProjectMeta>

export const GRAPH_IMAGE_FORMATS = ['png', 'svg'] as const

/** View state kept with the project (column layouts, graph positions); owned by the views. */
export const ProjectViews = z.strictObject({
  gridColumns: z.record(z.string(), z.array(z.record(z.string(), z.unknown()))).optional(),
  graphPositions: z
    .record(z.string(), z.strictObject({ x: z.number().finite(), y: z.number().finite() }))
    .optional(),
  /** The chart image kept for reports; its bytes are assets/<contentHash>.<format>. */
  graphImage: z
    .strictObject({
      contentHash: Sha256,
      format: z.enum(GRAPH_IMAGE_FORMATS),
      width: z.number().int().positive(),
      height: z.number().int().positive(),
      savedAt: Timestamp,
    })
    .optional(),
})

export const ProjectFile = z.strictObject({
  schemaVersion: z.literal(SCHEMA_VERSION),
  project: ProjectMeta,
  sources: z.array(SourceRecord),
  annotations: z.array(Annotation),
  entities: z.array(Entity),
  relations: z.array(Relation),
  notes: z.array(Note),
  reports: z.array(Report),
  views: ProjectViews,
})
export type ProjectFile = z.infer<typeof ProjectFile>

/** A project with no records yet: what a new project starts from. */
export function emptyProjectFile(meta: ProjectMeta): ProjectFile {
  return {
    schemaVersion: SCHEMA_VERSION,
    project: meta,
    sources: [],
    annotations: [],
    entities: [],
    relations: [],
    notes: [],
    reports: [],
    views: {},
  }
}
