import { CREDIBILITY_LABELS } from '../../ui/model-labels'
import { ANNOTATION_KINDS, type Annotation, type Credibility } from '../../../../shared/model'
import { KIND_LABELS } from './labels'
import { t } from '../../ui/i18n'

/** The kind of a quote, labelled "Kind" (the annotation form and the suggestions). */
export function KindSelect({
  value,
  onChange,
}: {
  value: Annotation['kind']
  onChange: (kind: Annotation['kind']) => void
}) {
  return (
    <label>
      {t('reader.kind')}
      <select value={value} onChange={(e) => onChange(e.target.value as Annotation['kind'])}>
        {ANNOTATION_KINDS.map((k) => (
          <option key={k} value={k}>
            {KIND_LABELS[k]}
          </option>
        ))}
      </select>
    </label>
  )
}

/** The Admiralty credibility of a quote, 1–6 with its words, labelled "Credibility". */
export function CredibilitySelect({
  value,
  onChange,
  className,
}: {
  value: Credibility
  onChange: (grade: Credibility) => void
  className?: string
}) {
  return (
    <label className={className}>
      {t('reader.credibility2')}
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {[1, 2, 3, 4, 5, 6].map((n) => (
          <option key={n} value={n}>
            {n} — {CREDIBILITY_LABELS[n]}
          </option>
        ))}
      </select>
    </label>
  )
}
