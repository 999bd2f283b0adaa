/** The sections of a report as the composer changes them: pure, so the order rules are tested. */
import { defaultReportColumns, type ReportChoices } from '../../../../shared/contract'
import type { ReportSection } from '../../../../shared/model'

export type SectionKind = ReportSection['kind']

/** How a section names its kind in "Section 2: entity table" and in its controls. */
export const SECTION_LABELS: Record<SectionKind, string> = {
  note: 'note',
  'entity-table': 'entity table',
  graph: 'graph',
  quotes: 'quotes',
  map: 'map',
}

/** A new table lists groups, the entities most reports are about. */
const FIRST_TABLE_TYPE = 'group'

/**
 * A new section of a kind, ready to show something: a note section shows the first note
 * (the analyst picks another), a table the groups with their default columns, a quotes
 * section starts empty, a map shows groups per province.
 */
export function newSection(kind: SectionKind, choices: ReportChoices | undefined): ReportSection {
  const id = crypto.randomUUID()
  switch (kind) {
    case 'note':
      return { id, kind, noteId: choices?.notes[0]?.id ?? 'none' }
    case 'entity-table':
      return {
        id,
        kind,
        entityType: FIRST_TABLE_TYPE,
        columns: defaultReportColumns(FIRST_TABLE_TYPE),
      }
    case 'graph':
      return { id, kind }
    case 'quotes':
      return { id, kind, annotationIds: [] }
    case 'map':
      return { id, kind, layer: 'groups', groupIds: [] }
  }
}

/** The sections with one moved a place up (-1) or down (1); the same array when it cannot move. */
export function moveSection(sections: ReportSection[], index: number, by: -1 | 1): ReportSection[] {
  const target = index + by
  if (index < 0 || index >= sections.length || target < 0 || target >= sections.length) {
    return sections
  }
  const moved = [...sections]
  ;[moved[index], moved[target]] = [moved[target]!, moved[index]!]
  return moved
}
