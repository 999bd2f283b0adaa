import { EVENT_KINDS } from '../../../../shared/model'
import {
  EVENT_KIND_COLOURS,
  FIRST_SEEN_COLOUR,
  QUOTE_COLOUR,
  RELATION_COLOUR,
} from '../../../../shared/timeline-layout'
import { t } from '../../ui/i18n'

/** What the marks mean; shape tells the kind of item, colour the kind of event. */
export function TimelineLegend() {
  return (
    <figure className="timeline-legend" aria-labelledby="timeline-legend-title">
      <figcaption id="timeline-legend-title">{t('timeline.legend')}</figcaption>
      <ul>
        {EVENT_KINDS.map((kind) => (
          <li key={kind}>
            <svg className="swatch" width="12" height="12" aria-hidden="true">
              <circle cx="6" cy="6" r="5" fill={EVENT_KIND_COLOURS[kind]} />
            </svg>{' '}
            {kind.charAt(0).toUpperCase() + kind.slice(1)}
          </li>
        ))}
        <li>
          <svg className="swatch" width="12" height="12" aria-hidden="true">
            <polygon points="6,1 11,11 1,11" fill={FIRST_SEEN_COLOUR} />
          </svg>{' '}
          {t('timeline.firstSeen')}
        </li>
        <li>
          <svg className="swatch" width="12" height="12" aria-hidden="true">
            <rect x="2.5" y="2.5" width="7" height="7" fill={QUOTE_COLOUR} />
          </svg>{' '}
          {t('timeline.quote2')}
        </li>
        <li>
          <svg className="swatch" width="26" height="8" aria-hidden="true">
            <rect x="0" y="2" width="26" height="4" fill={RELATION_COLOUR} />
          </svg>{' '}
          {t('timeline.relationOrPeriod')}
        </li>
        <li>
          <svg className="swatch" width="12" height="12" aria-hidden="true">
            <circle className="swatch-hollow" cx="6" cy="6" r="5" strokeDasharray="3 2" />
          </svg>{' '}
          {t('timeline.unsupportedNoQuote')}
        </li>
        <li>
          <svg className="swatch" width="16" height="16" aria-hidden="true">
            <circle className="swatch-cluster" cx="8" cy="8" r="7.5" />
          </svg>{' '}
          {t('timeline.clusterClickToZoomIn')}
        </li>
        <li className="muted">{t('timeline.faintBandTheMonthOrYear')}</li>
      </ul>
    </figure>
  )
}
