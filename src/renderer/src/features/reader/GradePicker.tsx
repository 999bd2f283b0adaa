import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../ui/model-labels'
import { RELIABILITY_GRADES, type Credibility, type Reliability } from '../../../../shared/model'
import { t } from '../../ui/i18n'

export const CREDIBILITY_GRADES: readonly Credibility[] = [1, 2, 3, 4, 5, 6]

/**
 * The full Admiralty grade of a quote in one place: the source's reliability letter (chosen
 * here while the source is still ungraded, F) and the information's credibility digit, with
 * the code they make, "B4".
 */
export function GradePicker({
  reliability,
  reliabilityEditable,
  onReliability,
  credibility,
  onCredibility,
}: {
  reliability: Reliability
  reliabilityEditable: boolean
  onReliability: (grade: Reliability) => void
  credibility: Credibility
  onCredibility: (grade: Credibility) => void
}) {
  const code = `${reliability}${credibility}`
  return (
    <div className="grade-picker">
      <p className="grade-code">
        {t('reader.grade')} <output aria-label={t('reader.admiraltyGrade')}>{code}</output>
      </p>
      {reliabilityEditable ? (
        <label className="grade-reliability">
          {t('reader.sourceReliability')}
          <select
            value={reliability}
            onChange={(e) => onReliability(e.target.value as Reliability)}
          >
            {RELIABILITY_GRADES.map((g) => (
              <option key={g} value={g}>
                {g} — {RELIABILITY_LABELS[g]}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="grade-reliability muted small">
          {t('reader.source2', { reliability, value: RELIABILITY_LABELS[reliability] })}
        </p>
      )}
      <fieldset className="key-choices" aria-keyshortcuts="1 2 3 4 5 6">
        <legend>{t('reader.credibilityKeys16')}</legend>
        {CREDIBILITY_GRADES.map((n) => (
          <label key={n} className={credibility === n ? 'key-choice chosen' : 'key-choice'}>
            <input
              type="radio"
              name="credibility"
              checked={credibility === n}
              onChange={() => onCredibility(n)}
            />
            {n} — {CREDIBILITY_LABELS[n]}
          </label>
        ))}
      </fieldset>
    </div>
  )
}
