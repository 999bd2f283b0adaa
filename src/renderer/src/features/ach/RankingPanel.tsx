import { formatScore, leadSentence, REFUTATION_NOTE, WEIGHT_RULE } from '../../../../shared/ach'
import type { Hypothesis } from '../../../../shared/model'
import type { MatrixModel } from './matrix-model'

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`

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
      <h3 id="ach-ranking-title">Ranking</h3>
      {hypotheses.length === 0 ? (
        <p className="muted">Add hypotheses to rank them.</p>
      ) : (
        <ol className="ach-ranking-list" aria-label="Hypotheses, least inconsistent first">
          {scores.ranking.map((id) => {
            const score = scoreOf.get(id)!
            return (
              <li key={id} className={scores.leaders.includes(id) ? 'ach-leader' : undefined}>
                <span
                  className="ach-rank"
                  aria-label={`Rank ${score.rank}${score.tied ? ', tied' : ''}`}
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
                    · {plural(score.inconsistencies, 'inconsistency', 'inconsistencies')}
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
          What if: {plural(excludedCount, 'row is', 'rows are')} left out of these scores.{' '}
          <button type="button" onClick={onIncludeAll}>
            Count every row
          </button>
        </p>
      )}
      <p className="muted small">{REFUTATION_NOTE}</p>
      {/* The mapping stays in sight in one line; the full rule opens under it. */}
      <details className="ach-weights small">
        <summary>Weights: credibility 1–2 √2 · 3–4 1 · 5–6 1/√2</summary>
        <p className="muted">{WEIGHT_RULE}</p>
      </details>
      <h3 id="ach-linchpins-title">Linchpins</h3>
      {linchpins.length === 0 ? (
        <p className="muted small">
          No single row decides the lead: taking any one out, or trusting it one band less, leaves
          the same hypothesis first.
        </p>
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
