import { useId } from 'react'
import { REPORT_MARGINS, REPORT_PAGE_SIZES, type Report } from '../../../../shared/model'
import type { ReportDraft, SetReportField } from './use-report-draft'

/** What the report says about itself (title, author, date, handling) and how it prints. */
export function ReportDetails({ draft, set }: { draft: ReportDraft; set: SetReportField }) {
  const id = useId()
  return (
    <>
      <label htmlFor={`${id}-title`}>Title</label>
      <input
        id={`${id}-title`}
        value={draft.title}
        maxLength={500}
        onChange={(e) => set('title', e.target.value)}
      />
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-author`}>Author</label>
          <input
            id={`${id}-author`}
            value={draft.author}
            maxLength={500}
            onChange={(e) => set('author', e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-date`}>Date</label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date ?? ''}
            onChange={(e) => set('date', e.target.value || undefined)}
          />
        </div>
      </div>
      <label htmlFor={`${id}-classification`}>Classification and handling</label>
      <input
        id={`${id}-classification`}
        value={draft.classification}
        maxLength={500}
        placeholder="e.g. UNCLASSIFIED // FOR OFFICIAL USE ONLY"
        onChange={(e) => set('classification', e.target.value)}
      />
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-size`}>Page size</label>
          <select
            id={`${id}-size`}
            value={draft.options.pageSize}
            onChange={(e) =>
              set('options', {
                ...draft.options,
                pageSize: e.target.value as Report['options']['pageSize'],
              })
            }
          >
            {REPORT_PAGE_SIZES.map((size) => (
              <option key={size} value={size}>
                {size}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-margins`}>Margins</label>
          <select
            id={`${id}-margins`}
            value={draft.options.margins ?? 'normal'}
            onChange={(e) =>
              set('options', {
                ...draft.options,
                margins: e.target.value as NonNullable<Report['options']['margins']>,
              })
            }
          >
            {REPORT_MARGINS.map((margins) => (
              <option key={margins} value={margins}>
                {margins.charAt(0).toUpperCase() + margins.slice(1)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={draft.options.appendixOfEntityQuotes}
          onChange={(e) =>
            set('options', { ...draft.options, appendixOfEntityQuotes: e.target.checked })
          }
        />
        Appendix: every quote behind the entities the report names
      </label>
    </>
  )
}
