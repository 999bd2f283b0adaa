/**
 * A spreadsheet of entities (CSV) into the project: one entity a row, its columns mapped
 * to name, aliases, type, description and attributes. Rows merge with the entity that has
 * the same type and name or alias (case and accents ignored), as STIX objects do; a row
 * that cannot become an entity is refused with its reason. The file is kept as a
 * "dataset" source, and each imported entity quotes its row.
 */
import Papa from 'papaparse'
import { describeRange } from '../../../../shared/anchoring'
import type { CsvColumnRole, CsvMapping } from '../../../../shared/contract'
import {
  Annotation,
  Entity,
  EntityType,
  KNOWN_ENTITY_TYPES,
  SourceRecord,
  TYPED_ATTRIBUTES,
  type EntityAttributes,
} from '../../../../shared/model'
import { AppError } from '../../errors'
import { attributeProblem } from '../attributes'
import { emptyDraft, item, type ImportDraft } from '../draft'
import { line, text as normalText } from '../fields'
import { uuidV5 } from '../ids'
import { nameKey } from '../names'
import type { ProjectIndex } from '../project-index'
import type { Slicer } from '../slices'
import type { Span } from '../json-spans'
import { compiledSchema } from '../../store/collections'

const MAX_ROWS = 200_000
const MAX_ROW_QUOTE = 4_000

/** Where each record (row) of a CSV text lies; a newline inside quotes does not end one. */
async function csvRowSpans(text: string, slicer: Slicer): Promise<Span[]> {
  const spans: Span[] = []
  let start = 0
  let quoted = false
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10
    if (code === 34) quoted = !quoted
    else if (code === 10 && !quoted) {
      let end = i
      if (end > start && text.charCodeAt(end - 1) === 13) end--
      if (text.slice(start, end).trim() !== '') spans.push({ start, end })
      start = i + 1
      if (spans.length > MAX_ROWS) {
        throw new AppError(
          'payload_too_large',
          `This file has more than ${MAX_ROWS.toLocaleString('en')} rows; split it. Nothing was imported.`,
        )
      }
      const tick = slicer.tick()
      if (tick) await tick
    }
  }
  return spans
}

export function parseRow(text: string, span: Span, delimiter: string): string[] {
  const parsed = Papa.parse<string[]>(text.slice(span.start, span.end), { delimiter })
  return (parsed.data[0] ?? []).map((cell) => cell.trim())
}

/** The delimiter of a header line: comma, semicolon (European spreadsheets) or tab. */
function detectDelimiter(headerLine: string): string {
  const parsed = Papa.parse(headerLine, { delimitersToGuess: [',', ';', '\t', '|'] })
  return parsed.meta.delimiter || ','
}

const ATTRIBUTE_KEYS: readonly string[] = [
  ...new Set(KNOWN_ENTITY_TYPES.flatMap((type) => Object.keys(TYPED_ATTRIBUTES[type].shape))),
]

function squash(header: string): string {
  return nameKey(header).replace(/[^a-z0-9]/g, '')
}

/** A first guess at each column's role, from its header. */
export function suggestMapping(headers: readonly string[], rows: readonly string[][]): CsvMapping {
  const taken = new Set<string>()
  const columns = headers.map((header): CsvColumnRole => {
    const key = squash(header)
    const pick = (role: CsvColumnRole['role']): CsvColumnRole => {
      taken.add(role)
      return { role } as CsvColumnRole
    }
    if (
      !taken.has('name') &&
      ['name', 'fullname', 'entity', 'entityname', 'actor', 'title'].includes(key)
    )
      return pick('name')
    if (!taken.has('aliases') && /^(aliases?|aka|alsoknownas|othernames?)$/.test(key))
      return pick('aliases')
    if (!taken.has('type') && ['type', 'kind', 'category', 'entitytype'].includes(key))
      return pick('type')
    if (
      !taken.has('description') &&
      ['description', 'notes', 'note', 'summary', 'about'].includes(key)
    )
      return pick('description')
    const attribute =
      ATTRIBUTE_KEYS.find((k) => k.toLowerCase() === key) ??
      (
        {
          strength: 'estimatedStrength',
          lat: 'latitude',
          latitude: 'latitude',
          lon: 'longitude',
          lng: 'longitude',
          longitude: 'longitude',
        } as Record<string, string>
      )[key]
    if (attribute) return { role: 'attribute', key: attribute }
    return { role: 'ignore' }
  })
  if (!taken.has('name') && columns.length > 0) columns[0] = { role: 'name' }
  const aliasColumn = columns.findIndex((c) => c.role === 'aliases')
  const aliasCells = aliasColumn >= 0 ? rows.map((r) => r[aliasColumn] ?? '') : []
  const aliasSeparator = aliasCells.some((c) => c.includes(';'))
    ? ';'
    : aliasCells.some((c) => c.includes('|'))
      ? '|'
      : ';'
  return { columns, defaultType: 'group', aliasSeparator }
}

const TYPE_WORDS: Record<string, string> = {
  group: 'group',
  groups: 'group',
  armedgroup: 'group',
  person: 'person',
  people: 'person',
  individual: 'person',
  place: 'place',
  places: 'place',
  location: 'place',
  community: 'community',
  communities: 'community',
}

/** A cell's value for a typed attribute: numbers, dates and list values in their stored form. */
function attributeValue(key: string, cell: string): unknown {
  switch (key) {
    case 'estimatedStrength': {
      const digits = cell.replace(/[\s,’']/g, '')
      return /^\d+$/.test(digits) ? Number(digits) : cell
    }
    case 'latitude':
    case 'longitude': {
      const value = Number(cell.replace(',', '.'))
      return Number.isFinite(value) ? value : cell
    }
    case 'firstSeen':
      if (/^\d{4}$/.test(cell)) return `${cell}-01-01`
      if (/^\d{4}-\d{2}$/.test(cell)) return `${cell}-01`
      return cell
    case 'status':
    case 'phase':
    case 'placeKind':
    case 'communityKind':
      return nameKey(cell).replace(/\s+/g, '-')
    default:
      return cell
  }
}

export interface CsvPlanInput {
  text: string
  contentHash: string
  fileName: string
  mapping: CsvMapping
  index: ProjectIndex
  now: string
  slicer: Slicer
}

export interface CsvFile {
  headers: string[]
  delimiter: string
  rows: Span[]
}

export async function readCsv(text: string, slicer: Slicer): Promise<CsvFile> {
  const spans = await csvRowSpans(text, slicer)
  const first = spans[0]
  if (!first) throw new AppError('invalid_input', 'This CSV file is empty. Nothing was imported.')
  const delimiter = detectDelimiter(text.slice(first.start, first.end))
  const headers = parseRow(text, first, delimiter)
  if (headers.every((h) => h === '')) {
    throw new AppError(
      'invalid_input',
      'The first row of this CSV file, its headers, is empty. Nothing was imported.',
    )
  }
  return { headers, delimiter, rows: spans.slice(1) }
}

export async function planCsvImport(file: CsvFile, input: CsvPlanInput): Promise<ImportDraft> {
  const { mapping, index, now, slicer, text } = input
  const draft = emptyDraft()
  if (!mapping.columns.some((c) => c.role === 'name')) {
    throw new AppError('invalid_input', 'Choose the column that holds the names.')
  }
  if (mapping.columns.length !== file.headers.length) {
    throw new AppError(
      'invalid_input',
      `The mapping has ${mapping.columns.length} columns; the file has ${file.headers.length}.`,
    )
  }
  if (!EntityType.safeParse(mapping.defaultType).success) {
    throw new AppError('invalid_input', `“${mapping.defaultType}” is not an entity type.`)
  }
  const datasetId = `source--${uuidV5(`dataset:${input.contentHash}`)}`
  const existingDataset = index.sourceByHash(input.contentHash)
  const sourceId = existingDataset?.id ?? datasetId
  const provenance: { span: Span; entityId: string; row: number }[] = []
  for (const [n, span] of file.rows.entries()) {
    if ((n & 255) === 0) slicer.progress('Reading the rows', n, file.rows.length)
    await slicer.tick()
    const row = n + 2
    const ref = `row ${row}`
    const cells = parseRow(text, span, file.delimiter)
    const cellOf = (role: CsvColumnRole['role']): string =>
      cells[mapping.columns.findIndex((c) => c.role === role)] ?? ''
    const name = line(cellOf('name'))
    if (!name) {
      draft.items.push(item('skip', 'entity', ref, `(row ${row})`, { reason: 'the name is empty' }))
      continue
    }
    const typeCell = cellOf('type')
    const type = typeCell ? TYPE_WORDS[squash(typeCell)] : mapping.defaultType
    if (!type) {
      draft.items.push(
        item('skip', 'entity', ref, name, {
          reason: `the type “${typeCell}” is not one of ${KNOWN_ENTITY_TYPES.join(', ')}`,
        }),
      )
      continue
    }
    const aliases = cellOf('aliases')
      .split(mapping.aliasSeparator)
      .map((a) => line(a) ?? '')
      .filter((a) => a && nameKey(a) !== nameKey(name))
    const description = normalText(cellOf('description')) ?? ''
    const attributes: Record<string, unknown> = {}
    let refused: string | undefined
    for (const [column, role] of mapping.columns.entries()) {
      if (role.role !== 'attribute') continue
      const cell = cells[column] ?? ''
      if (cell === '') continue
      const value = attributeValue(role.key, cell)
      const problem = attributeProblem(type, role.key, value)
      if (problem) {
        refused = `${file.headers[column] || role.key}: ${problem.replace(/^[a-zA-Z]+: /, '')} (“${cell}”)`
        break
      }
      attributes[role.key] = value
    }
    if (refused) {
      draft.items.push(item('skip', 'entity', ref, name, { detail: type, reason: refused }))
      continue
    }
    const matches = [...new Set([name, ...aliases].flatMap((n) => index.entitiesNamed(type, n)))]
    if (matches.length > 1) {
      draft.items.push(
        item('skip', 'entity', ref, name, {
          detail: type,
          reason: `it matches ${matches.length} entities (${matches
            .slice(0, 3)
            .map((e) => `“${e.name}”`)
            .join(', ')}); merge those first`,
        }),
      )
      continue
    }
    const existing = matches[0]
    if (existing) {
      const known = new Set([existing.name, ...existing.aliases].map(nameKey))
      const newAliases = [name, ...aliases].filter((a) => !known.has(nameKey(a)))
      const previous = draft.entityAdditions.get(existing.id)
      const base = { ...existing.attributes, ...previous?.attributes }
      const added = Object.fromEntries(Object.entries(attributes).filter(([key]) => !(key in base)))
      draft.entityAdditions.set(existing.id, {
        aliases: [...(previous?.aliases ?? []), ...newAliases],
        attributes: { ...previous?.attributes, ...added } as Partial<EntityAttributes>,
        description:
          previous?.description ?? (existing.description ? undefined : description || undefined),
      })
      index.addNames(existing, newAliases)
      draft.items.push(
        item('merge', 'entity', ref, name, {
          detail: existing.type,
          reason:
            nameKey(existing.name) === nameKey(name)
              ? 'the same name'
              : `a shared name (“${name}”)`,
          target: { id: existing.id, label: existing.name },
        }),
      )
      provenance.push({ span, entityId: existing.id, row })
      continue
    }
    const parsed = compiledSchema(Entity).safeParse({
      id: `entity--${uuidV5(`csv:${input.contentHash}:${row}`)}`,
      createdAt: now,
      updatedAt: now,
      type,
      name,
      aliases: [...new Set(aliases)].slice(0, 100),
      description,
      attributes,
    })
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!
      draft.items.push(
        item('skip', 'entity', ref, name, {
          detail: type,
          reason: `${issue.path.join('.') || 'it'}: ${issue.message}`,
        }),
      )
      continue
    }
    draft.entities.push(parsed.data)
    index.addEntity(parsed.data)
    draft.items.push(item('create', 'entity', ref, name, { detail: type }))
    provenance.push({ span, entityId: parsed.data.id, row })
  }

  if (provenance.length > 0) {
    if (!existingDataset) {
      draft.dataset = {
        record: compiledSchema(SourceRecord).parse({
          id: sourceId,
          createdAt: now,
          updatedAt: now,
          title: `CSV file ${input.fileName}`.slice(0, 500),
          kind: 'dataset',
          retrievedAt: now.slice(0, 10),
          reliability: 'F',
          contentHash: input.contentHash,
          length: text.length,
          origin: { fileName: input.fileName.slice(0, 500), format: 'csv' },
        }),
        text,
      }
    }
    for (const { span, entityId, row } of provenance) {
      const id = uuidV5(`provenance:${input.contentHash}:${row}`)
      if (index.ids.has(id)) continue
      const end = Math.min(span.end, span.start + MAX_ROW_QUOTE)
      const annotation = Annotation.parse({
        id,
        createdAt: now,
        updatedAt: now,
        sourceId,
        target: describeRange(text, span.start, end),
        comment: `Row ${row} of ${input.fileName}.`,
        kind: 'quote',
        credibility: 6,
        entityIds: [entityId],
        tags: ['csv'],
        anchor: { state: 'exact' },
      })
      draft.annotations.push(annotation)
      index.addAnnotationId(id, null, sourceId, annotation.target)
    }
    draft.notes.push(
      `Each imported entity quotes its row of the file, kept as the source “CSV file ${input.fileName}”.`,
    )
  }
  slicer.progress('Reading the rows', file.rows.length, file.rows.length)
  return draft
}
