import type { TypeLook } from './chart-style'
import { t } from '../../ui/i18n'

/** A small drawing of a node shape, the same shape and colour the chart uses. */
export function ShapeSwatch({ look, size = 14 }: { look: TypeLook; size?: number }) {
  const common = { fill: look.colour, stroke: '#ffffff', strokeWidth: 1 }
  let shape: React.JSX.Element
  switch (look.shape) {
    case 'hexagon':
      shape = <polygon points="3.5,1 10.5,1 14,7 10.5,13 3.5,13 0,7" {...common} />
      break
    case 'round-diamond':
      shape = <polygon points="7,0.5 13.5,7 7,13.5 0.5,7" strokeLinejoin="round" {...common} />
      break
    case 'round-rectangle':
      shape = <rect x="0.5" y="1.5" width="13" height="11" rx="3" {...common} />
      break
    case 'star':
      shape = (
        <polygon
          points="7,0.5 8.9,5 13.5,5.2 9.9,8.2 11.1,13 7,10.3 2.9,13 4.1,8.2 0.5,5.2 5.1,5"
          {...common}
        />
      )
      break
    case 'round-triangle':
      shape = <polygon points="7,1 13.5,13 0.5,13" strokeLinejoin="round" {...common} />
      break
    default:
      shape = <circle cx="7" cy="7" r="6.5" {...common} />
  }
  return (
    <svg className="swatch" width={size} height={size} viewBox="0 0 14 14" aria-hidden="true">
      {shape}
    </svg>
  )
}

/** What the chart's shapes, colours, line styles and sizes mean. */
export function Legend({ types }: { types: { type: string; look: TypeLook }[] }) {
  return (
    <figure className="graph-legend" aria-labelledby="graph-legend-title">
      <figcaption id="graph-legend-title">{t('graph.legend')}</figcaption>
      <ul>
        {types.map(({ type, look }) => (
          <li key={type}>
            <ShapeSwatch look={look} /> {look.label}
          </li>
        ))}
        <li>
          <svg className="swatch" width="28" height="10" aria-hidden="true">
            <line x1="0" y1="5" x2="28" y2="5" stroke="#34495e" strokeWidth="2" />
          </svg>{' '}
          {t('graph.relationBackedByQuotes')}
        </li>
        <li>
          <svg className="swatch" width="28" height="10" aria-hidden="true">
            <line
              x1="0"
              y1="5"
              x2="28"
              y2="5"
              stroke="#34495e"
              strokeWidth="2"
              strokeDasharray="6 4"
            />
          </svg>{' '}
          {t('graph.unsupportedNoQuote')}
        </li>
        <li className="muted">{t('graph.sizeAndThicknessNumberOfQuotes')}</li>
        {/* Every chart leaves them out when framed too far out to read (chart-viewport.ts). */}
        <li className="muted">{t('graph.labelsArrowsAndDashesAppearAs')}</li>
      </ul>
    </figure>
  )
}
