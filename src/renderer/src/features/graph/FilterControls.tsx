import { useState } from 'react'
import { CREDIBILITY_LABELS } from '../../../../shared/admiralty'
import { RELATION_TYPES, type RelationType } from '../../../../shared/model'
import { RELATION_LABELS, typeLook } from './chart-style'
import { ShapeSwatch } from './Legend'
import type { GraphFilter } from './use-graph-filter'

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
          Find
          <input
            type="search"
            value={query}
            placeholder="Name, alias or acronym"
            onChange={(e) => dispatch({ type: 'find', query: e.target.value })}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && matches.size > 0)
                setFramed({ query, count: onFrameMatches() })
            }}
          />
        </label>
        <span role="status" className="muted">
          {query.trim() ? `${matches.size} found` : ''}
          {neighbours !== null && neighbours > 0
            ? `, framed with ${neighbours} ${neighbours === 1 ? 'neighbour' : 'neighbours'}`
            : ''}
        </span>
      </div>

      <fieldset>
        <legend>Entity types</legend>
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
        <legend>Relation types</legend>
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
        Evidence credibility
        <select
          value={filter.minCredibility ?? ''}
          onChange={(e) =>
            dispatch({
              type: 'require-credibility',
              minCredibility: e.target.value ? Number(e.target.value) : null,
            })
          }
        >
          <option value="">Any, unsupported included</option>
          <option value="1">1 only ({CREDIBILITY_LABELS[1]?.toLowerCase()})</option>
          <option value="2">2 or better</option>
          <option value="3">3 or better</option>
          <option value="4">4 or better</option>
          <option value="5">5 or better</option>
          <option value="6">Any grade, supported only</option>
        </select>
      </label>
    </>
  )
}
