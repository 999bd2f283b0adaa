import { useId } from 'react'
import { t } from '../../ui/i18n'

/** The caption of a section that draws a chart (graph, timeline, map); empty removes it. */
export function CaptionField<S extends { caption?: string }>({
  section,
  n,
  onChange,
}: {
  section: S
  n: number
  onChange(next: S): void
}) {
  const id = useId()
  return (
    <>
      <label htmlFor={id}>{t('reports.captionForSection', { n })}</label>
      <input
        id={id}
        value={section.caption ?? ''}
        maxLength={500}
        onChange={(e) => {
          const { caption: _old, ...rest } = section
          onChange((e.target.value ? { ...rest, caption: e.target.value } : rest) as S)
        }}
      />
    </>
  )
}
