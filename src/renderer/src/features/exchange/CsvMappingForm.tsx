import { useState } from 'react'
import type { CsvColumnRole, CsvMapping, ImportPreview } from '../../../../shared/contract'
import { KNOWN_ENTITY_TYPES } from '../../../../shared/model'
import { t } from '../../ui/i18n'
import { formatNumber } from '../../ui/format'

/** The attributes a column can fill, with their names as the grids show them. */
const ATTRIBUTES: [string, string][] = [
  ['acronym', t('exchange.acronym')],
  ['status', t('exchange.status')],
  ['phase', t('exchange.phase')],
  ['ideology', t('exchange.ideology')],
  ['estimatedStrength', t('exchange.estimatedStrength')],
  ['firstSeen', t('exchange.firstSeen')],
  ['role', t('exchange.role')],
  ['placeKind', t('exchange.placeKind')],
  ['country', t('exchange.country')],
  ['communityKind', t('exchange.communityKind')],
  ['latitude', t('exchange.latitude')],
  ['longitude', t('exchange.longitude')],
]

function roleValue(role: CsvColumnRole): string {
  return role.role === 'attribute' ? `attribute:${role.key}` : role.role
}

function roleOf(value: string): CsvColumnRole {
  if (value.startsWith('attribute:')) return { role: 'attribute', key: value.slice(10) }
  return { role: value } as CsvColumnRole
}

/** Where each column of a CSV file goes; changes are previewed again before anything is written. */
export function CsvMappingForm({
  csv,
  onPreview,
  busy,
}: {
  csv: NonNullable<ImportPreview['csv']>
  onPreview: (mapping: CsvMapping) => void
  busy: boolean
}) {
  const [mapping, setMapping] = useState<CsvMapping>(csv.mapping)
  const setColumn = (index: number, role: CsvColumnRole): void =>
    setMapping({ ...mapping, columns: mapping.columns.map((c, i) => (i === index ? role : c)) })
  return (
    <form
      className="csv-mapping"
      aria-label={t('exchange.columnsOfTheCsvFile')}
      onSubmit={(event) => {
        event.preventDefault()
        onPreview(mapping)
      }}
    >
      <p className="muted">
        {formatNumber(csv.rows)} {t('exchange.rowsSayWhatEachColumnHolds')}
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('exchange.column')}</th>
            <th scope="col">{t('exchange.firstValues')}</th>
            <th scope="col">{t('exchange.holds')}</th>
          </tr>
        </thead>
        <tbody>
          {csv.headers.map((header, index) => (
            <tr key={index}>
              <th scope="row" dir="auto">
                {header || t('exchange.column2', { value: index + 1 })}
              </th>
              <td className="muted" dir="auto">
                {csv.sample
                  .map((row) => row[index] ?? '')
                  .filter(Boolean)
                  .slice(0, 3)
                  .join(' · ')}
              </td>
              <td>
                <select
                  aria-label={t('exchange.whatTheColumnHolds', { value: header || index + 1 })}
                  value={roleValue(mapping.columns[index] ?? { role: 'ignore' })}
                  onChange={(e) => setColumn(index, roleOf(e.target.value))}
                >
                  <option value="ignore">{t('exchange.nothingToImport')}</option>
                  <option value="name">{t('exchange.name')}</option>
                  <option value="aliases">{t('exchange.aliases')}</option>
                  <option value="type">{t('exchange.type')}</option>
                  <option value="description">{t('exchange.description')}</option>
                  {ATTRIBUTES.map(([key, label]) => (
                    <option key={key} value={`attribute:${key}`}>
                      {label}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="button-row">
        <label className="exchange-field">
          {t('exchange.typeOfRowsWithoutOne')}
          <select
            value={mapping.defaultType}
            onChange={(e) => setMapping({ ...mapping, defaultType: e.target.value })}
          >
            {KNOWN_ENTITY_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </label>
        <label className="exchange-field">
          {t('exchange.aliasesSeparatedBy')}
          <select
            value={mapping.aliasSeparator}
            onChange={(e) =>
              setMapping({
                ...mapping,
                aliasSeparator: e.target.value as CsvMapping['aliasSeparator'],
              })
            }
          >
            <option value=";">{t('exchange.semicolon')}</option>
            <option value="|">{t('exchange.bar')}</option>
            <option value=",">{t('exchange.comma')}</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          {t('exchange.previewWithTheseColumns')}
        </button>
      </div>
    </form>
  )
}
