import { useState } from 'react'
import type { CsvColumnRole, CsvMapping, ImportPreview } from '../../../../shared/contract'
import { KNOWN_ENTITY_TYPES } from '../../../../shared/model'

/** The attributes a column can fill, with their names as the grids show them. */
const ATTRIBUTES: [string, string][] = [
  ['acronym', 'Acronym'],
  ['status', 'Status'],
  ['phase', 'Phase'],
  ['ideology', 'Ideology'],
  ['estimatedStrength', 'Estimated strength'],
  ['firstSeen', 'First seen'],
  ['role', 'Role'],
  ['placeKind', 'Place kind'],
  ['country', 'Country'],
  ['communityKind', 'Community kind'],
  ['latitude', 'Latitude'],
  ['longitude', 'Longitude'],
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
      aria-label="Columns of the CSV file"
      onSubmit={(event) => {
        event.preventDefault()
        onPreview(mapping)
      }}
    >
      <p className="muted">
        {csv.rows.toLocaleString('en')} rows. Say what each column holds; rows merge with the entity
        of the same type and name or alias.
      </p>
      <table>
        <thead>
          <tr>
            <th scope="col">Column</th>
            <th scope="col">First values</th>
            <th scope="col">Holds</th>
          </tr>
        </thead>
        <tbody>
          {csv.headers.map((header, index) => (
            <tr key={index}>
              <th scope="row" dir="auto">
                {header || `(column ${index + 1})`}
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
                  aria-label={`What the column “${header || index + 1}” holds`}
                  value={roleValue(mapping.columns[index] ?? { role: 'ignore' })}
                  onChange={(e) => setColumn(index, roleOf(e.target.value))}
                >
                  <option value="ignore">Nothing to import</option>
                  <option value="name">Name</option>
                  <option value="aliases">Aliases</option>
                  <option value="type">Type</option>
                  <option value="description">Description</option>
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
          Type of rows without one
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
          Aliases separated by
          <select
            value={mapping.aliasSeparator}
            onChange={(e) =>
              setMapping({
                ...mapping,
                aliasSeparator: e.target.value as CsvMapping['aliasSeparator'],
              })
            }
          >
            <option value=";">; (semicolon)</option>
            <option value="|">| (bar)</option>
            <option value=",">, (comma)</option>
          </select>
        </label>
        <button type="submit" disabled={busy}>
          Preview with these columns
        </button>
      </div>
    </form>
  )
}
