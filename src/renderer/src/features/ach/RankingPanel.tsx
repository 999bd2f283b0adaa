import { formatScore, leadSentence, REFUTATION_NOTE, WEIGHT_RULE } from '../../../../shared/ach'
import type { Hypothesis } from '../../../../shared/model'
import type { MatrixModel } from './matrix-model'
import { t } from '../../ui/i18n'

/**
 * The hypotheses least inconsistent first, with their weighted scores and plain counts; the
 * sentence under it is a live region, so a rating that changes the lead is heard. Then the
 * linchpins: rows that, taken out or downgraded, would change the lead.
 */
export function RankingPanel({
  model,
  hypotheses,
  excludedCount,
  onIncludeAll,
}: {
  model: MatrixModel
  hypotheses: readonly Hypothesis[]
  excludedCount: number
  onIncludeAll: () => void
}) {
  const { scores, nameOf } = model
  const byId = new Map(hypotheses.map((h) => [h.id, h]))
  const scoreOf = new Map(scores.byHypothesis.map((s) => [s.hypothesisId, s]))
  const linchpins = model.rows.filter((r) => r.linchpin !== null)
  return (
    <section className="ach-ranking" aria-labelledby="ach-ranking-title">
      <h3 id="ach-ranking-title">{t('ach.ranking')}</h3>
      {hypotheses.length === 0 ? (
        <p className="muted">{t('ach.addHypothesesToRankThem')}</p>
      ) : (
        <ol className="ach-ranking-list" aria-label={t('ach.hypothesesLeastInconsistentFirst')}>
          {scores.ranking.map((id) => {
            const score = scoreOf.get(id)!
            return (
              <li key={id} className={scores.leaders.includes(id) ? 'ach-leader' : undefined}>
                <span
                  className="ach-rank"
                  aria-label={t('ach.rank', {
                    rank: score.rank,
                    value: score.tied ? ', tied' : '',
                  })}
                >
                  {score.rank}
                  {score.tied ? '=' : ''}
                </span>
                <span className="ach-ranking-name">
                  <strong>{nameOf(id)}</strong> <span dir="auto">{byId.get(id)?.title}</span>
                </span>
                <span className="ach-ranking-score">
                  {formatScore(score.weighted)}
                  <span className="muted">
                    {' '}
                    · {t('ach.inconsistencyCount', { count: score.inconsistencies })}
                  </span>
                </span>
              </li>
            )
          })}
        </ol>
      )}
      <p className="ach-lead" role="status">
        {leadSentence(scores, nameOf)}
      </p>
      {excludedCount > 0 && (
        <p className="ach-what-if">
          {t('ach.whatIf')} {t('ach.rowsLeftOut', { count: excludedCount })}{' '}
          {t('ach.leftOutOfTheseScores')}
          <button type="button" onClick={onIncludeAll}>
            {t('ach.countEveryRow')}
          </button>
        </p>
      )}
      <p className="muted small">{REFUTATION_NOTE}</p>
      {/* The mapping stays in sight in one line; the full rule opens under it. */}
      <details className="ach-weights small">
        <summary>{t('ach.weightsCredibility1223')}</summary>
        <p className="muted">{WEIGHT_RULE}</p>
      </details>
      <h3 id="ach-linchpins-title">{t('ach.linchpins')}</h3>
      {linchpins.length === 0 ? (
        <p className="muted small">{t('ach.noSingleRowDecidesTheLead')}</p>
      ) : (
        <ul className="ach-linchpins" aria-labelledby="ach-linchpins-title">
          {linchpins.map((row) => (
            <li key={row.id}>
              <strong>{row.label}</strong> {row.linchpin}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
