import { useId } from 'react'
import {
  defaultReportColumns,
  REPORT_COLUMNS,
  reportColumnsFor,
  type ReportChoices,
  type ReportColumnKey,
} from '../../../../shared/contract'
import type { ReportSection } from '../../../../shared/model'
import { MapSectionFields } from './MapSectionFields'
import { CaptionField } from './CaptionField'
import { QuotePicker } from './QuotePicker'
import { TimelineSectionFields } from './TimelineSectionFields'
import { t } from '../../ui/i18n'

interface SectionCardProps {
  section: ReportSection
  index: number
  count: number
  label: string
  choices: ReportChoices | undefined
  onChange: (next: ReportSection) => void
  onMove: (by: -1 | 1) => void
  onRemove: () => void
}

/** One section of the report being composed: what it shows, and its place in the order. */
export function SectionCard(props: SectionCardProps) {
  const { index, count, label, onMove, onRemove } = props
  const n = index + 1
  const headingId = useId()
  return (
    <li className="section-card" aria-labelledby={headingId}>
      <div className="section-card-head">
        <h4 id={headingId}>{t('reports.section2', { n, label })}</h4>
        <div className="section-card-actions">
          <button
            type="button"
            aria-label={t('reports.moveSectionUp', { n })}
            disabled={index === 0}
            onClick={() => onMove(-1)}
          >
            ↑
          </button>
          <button
            type="button"
            aria-label={t('reports.moveSectionDown', { n })}
            disabled={index === count - 1}
            onClick={() => onMove(1)}
          >
            ↓
          </button>
          <button type="button" aria-label={t('reports.removeSection', { n })} onClick={onRemove}>
            {t('reports.remove')}
          </button>
        </div>
      </div>
      <SectionFields {...props} />
    </li>
  )
}

function SectionFields({ section, index, choices, onChange }: SectionCardProps) {
  const id = useId()
  const n = index + 1
  switch (section.kind) {
    case 'note': {
      const notes = choices?.notes ?? []
      const known = notes.some((note) => note.id === section.noteId)
      return (
        <div className="section-fields">
          <label htmlFor={`${id}-note`}>{t('reports.noteForSection', { n })}</label>
          <select
            id={`${id}-note`}
            value={section.noteId}
            onChange={(e) => onChange({ ...section, noteId: e.target.value })}
          >
            {!known && <option value={section.noteId}>{t('reports.aNoteNoLongerInThe')}</option>}
            {notes.map((note) => (
              <option key={note.id} value={note.id}>
                {note.title}
                {note.citations > 0 ? t('reports.citations', { citations: note.citations }) : ''}
              </option>
            ))}
          </select>
        </div>
      )
    }
    case 'entity-table': {
      const types = choices?.entityTypes ?? [{ type: section.entityType, count: 0 }]
      const offered = reportColumnsFor(section.entityType)
      const chosen = new Set(section.columns)
      const toggle = (key: ReportColumnKey, on: boolean): void => {
        // Keep the print order of the catalogue whatever order boxes are ticked in.
        const columns = offered.filter((k) => (k === key ? on : chosen.has(k)))
        onChange({ ...section, columns })
      }
      return (
        <div className="section-fields">
          <label htmlFor={`${id}-type`}>{t('reports.entityTypeForSection', { n })}</label>
          <select
            id={`${id}-type`}
            value={section.entityType}
            onChange={(e) =>
              onChange({
                ...section,
                entityType: e.target.value,
                columns: defaultReportColumns(e.target.value),
              })
            }
          >
            {types.map((t) => (
              <option key={t.type} value={t.type}>
                {t.type} ({t.count})
              </option>
            ))}
          </select>
          <fieldset className="columns-picker">
            <legend>{t('reports.columnsOfSection', { n })}</legend>
            {offered.map((key) => (
              <label key={key} className="checkbox">
                <input
                  type="checkbox"
                  checked={chosen.has(key)}
                  onChange={(e) => toggle(key, e.target.checked)}
                />
                {REPORT_COLUMNS[key].label}
              </label>
            ))}
          </fieldset>
          <label htmlFor={`${id}-filter`}>{t('reports.filterForSection', { n })}</label>
          <input
            id={`${id}-filter`}
            value={section.filter ?? ''}
            maxLength={500}
            placeholder={t('reports.eGPhaseGuerrillaOrAreas')}
            onChange={(e) => {
              const { filter: _old, ...rest } = section
              onChange(e.target.value ? { ...rest, filter: e.target.value } : rest)
            }}
          />
        </div>
      )
    }
    case 'graph':
      return (
        <div className="section-fields">
          <p className="muted">
            {choices?.graphImage
              ? t('reports.showsTheChartImageKeptFrom')
              : t('reports.showsAChartOfEveryEntity')}
          </p>
          <CaptionField<typeof section> section={section} n={n} onChange={onChange} />
        </div>
      )
    case 'quotes':
      return <QuotePicker section={section} n={n} choices={choices} onChange={onChange} />
    case 'map':
      return <MapSectionFields section={section} n={n} onChange={onChange} />
    case 'analysis': {
      const analyses = choices?.analyses ?? []
      const known = analyses.some((a) => a.id === section.analysisId)
      return (
        <div className="section-fields">
          <label htmlFor={`${id}-analysis`}>{t('reports.analysisForSection', { n })}</label>
          <select
            id={`${id}-analysis`}
            value={section.analysisId}
            onChange={(e) => onChange({ ...section, analysisId: e.target.value })}
          >
            {!known && (
              <option value={section.analysisId}>{t('reports.anAnalysisNoLongerInThe')}</option>
            )}
            {analyses.map((a) => (
              <option key={a.id} value={a.id}>
                {a.question}
              </option>
            ))}
          </select>
          <p className="muted">{t('reports.printsTheMatrixWithItsRatings')}</p>
        </div>
      )
    }
    case 'timeline':
      return <TimelineSectionFields section={section} n={n} onChange={onChange} />
  }
}
