import { useState } from 'react'
import { CREDIBILITY_LABELS } from '../../ui/model-labels'
import { RELATION_TYPES, type RelationType } from '../../../../shared/model'
import { RELATION_LABELS, typeLook } from './chart-style'
import { ShapeSwatch } from './Legend'
import type { GraphFilter } from './use-graph-filter'
import { t } from '../../ui/i18n'

interface FilterControlsProps {
  filter: Pick<GraphFilter, 'filter' | 'query' | 'matches' | 'dispatch'>
  /** How many entities of each type, and relations of each type, the project holds. */
  entityTypes: ReadonlyMap<string, number>
  relationTypes: ReadonlyMap<RelationType, number>
  /** Enter in "Find": frame the matches and their neighbours; returns how many are framed. */
  onFrameMatches(): number
}

/** "Find", and the filters: entity types, relation types, the evidence's credibility. */
export function FilterControls({
  filter: { filter, query, matches, dispatch },
  entityTypes,
  relationTypes,
  onFrameMatches,
}: FilterControlsProps) {
  // What the last Enter framed, said beside the count until the query changes.
  const [framed, setFramed] = useState<{ query: string; count: number } | null>(null)
  const neighbours = framed && framed.query === query ? framed.count - matches.size : null
  return (
    <>
      <div className="graph-search" role="search">
        <label>
          {t('graph.find')}
          <input
            type="search"
            value={query}
            placeholder={t('graph.nameAliasOrAcronym')}
            onChange={(e) => dispatch({ type: 'find', query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches.size > 0)
                setFramed({ query, count: onFrameMatches() })
            }}
          />
        </label>
        <span role="status" className="muted">
          {query.trim() ? t('graph.found', { size: matches.size }) : ''}
          {neighbours !== null && neighbours > 0
            ? t('graph.framedWithNeighbours', { count: neighbours })
            : ''}
        </span>
      </div>

      <fieldset>
        <legend>{t('graph.entityTypes')}</legend>
        {[...entityTypes].map(([type, count]) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={!filter.hiddenTypes.has(type)}
              onChange={(e) =>
                dispatch({ type: 'show-entity-type', entityType: type, shown: e.target.checked })
              }
            />
            <ShapeSwatch look={typeLook(type)} /> {typeLook(type).label}{' '}
            <span className="muted">({count})</span>
          </label>
        ))}
      </fieldset>

      <fieldset>
        <legend>{t('graph.relationTypes')}</legend>
        {RELATION_TYPES.filter((type) => relationTypes.has(type)).map((type) => (
          <label key={type} className="check">
            <input
              type="checkbox"
              checked={!filter.hiddenRelationTypes.has(type)}
              onChange={(e) =>
                dispatch({
                  type: 'show-relation-type',
                  relationType: type,
                  shown: e.target.checked,
                })
              }
            />
            {RELATION_LABELS[type]} <span className="muted">({relationTypes.get(type)})</span>
          </label>
        ))}
      </fieldset>

      <label>
        {t('graph.evidenceCredibility')}
        <select
          value={filter.minCredibility ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'require-credibility',
              minCredibility: e.target.value ? Number(e.target.value) : null,
            })
          }
        >
          <option value="">{t('graph.anyUnsupportedIncluded')}</option>
          <option value="1">
            {t('graph.n1Only')}
            {CREDIBILITY_LABELS[1]?.toLowerCase()})
          </option>
          <option value="2">{t('graph.n2OrBetter')}</option>
          <option value="3">{t('graph.n3OrBetter')}</option>
          <option value="4">{t('graph.n4OrBetter')}</option>
          <option value="5">{t('graph.n5OrBetter')}</option>
          <option value="6">{t('graph.anyGradeSupportedOnly')}</option>
        </select>
      </label>
    </>
  )
}
