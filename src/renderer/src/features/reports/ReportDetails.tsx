import { useId } from 'react'
import { REPORT_MARGINS, REPORT_PAGE_SIZES, type Report } from '../../../../shared/model'
import type { ReportDraft, SetReportField } from './use-report-draft'
import { t } from '../../ui/i18n'

/** What the report says about itself (title, author, date, handling) and how it prints. */
export function ReportDetails({ draft, set }: { draft: ReportDraft; set: SetReportField }) {
  const id = useId()
  return (
    <>
      <label htmlFor={`${id}-title`}>{t('reports.title')}</label>
      <input
        id={`${id}-title`}
        value={draft.title}
        maxLength={500}
        onChange={(e) => set('title', e.target.value)}
      />
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-author`}>{t('reports.author')}</label>
          <input
            id={`${id}-author`}
            value={draft.author}
            maxLength={500}
            onChange={(e) => set('author', e.target.value)}
          />
        </div>
        <div>
          <label htmlFor={`${id}-date`}>{t('reports.date')}</label>
          <input
            id={`${id}-date`}
            type="date"
            value={draft.date ?? ''}
            onChange={(e) => set('date', e.target.value || undefined)}
          />
        </div>
      </div>
      <label htmlFor={`${id}-classification`}>{t('reports.classificationAndHandling')}</label>
      <input
        id={`${id}-classification`}
        value={draft.classification}
        maxLength={500}
        placeholder={t('reports.eGUnclassifiedForOfficialUse')}
        onChange={(e) => set('classification', e.target.value)}
      />
      <div className="field-row">
        <div>
          <label htmlFor={`${id}-size`}>{t('reports.pageSize')}</label>
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
          <label htmlFor={`${id}-margins`}>{t('reports.margins')}</label>
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
        {t('reports.appendixEveryQuoteBehindTheEntities')}
      </label>
    </>
  )
}
