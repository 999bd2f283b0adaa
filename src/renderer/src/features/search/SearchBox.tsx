import { useEffect, useId, useRef, useState } from 'react'
import type { SearchHit } from '../../../../shared/contract'
import { useSearch } from '../../api/search'
import { readerHref, readerRangeHref } from '../../routes/links'
import './search.css'

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  quote: 'Quote',
  comment: 'Comment',
  text: 'Text',
  title: 'Title',
}

function hitHref(hit: SearchHit): string {
  if (hit.annotationId) return readerHref(hit.sourceId, hit.annotationId)
  if (hit.start !== undefined && hit.end !== undefined && hit.end > hit.start) {
    return readerRangeHref(hit.sourceId, hit.start, hit.end)
  }
  return readerHref(hit.sourceId)
}

/** The header's search box: sources' text, titles, quotes and comments; a hit opens the reader there. */
export function SearchBox() {
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const results = useSearch(query)
  const panelId = useId()
  const container = useRef<HTMLDivElement>(null)

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(draft), 200)
    return () => window.clearTimeout(timer)
  }, [draft])

  useEffect(() => {
    const onHash = (): void => setOpen(false)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const hits = results.data?.hits ?? []
  const showPanel = open && query.trim().length > 0

  return (
    <div
      className="search-box"
      ref={container}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') setOpen(false)
      }}
    >
      <form
        role="search"
        aria-label="Search the project"
        onSubmit={(event) => {
          event.preventDefault()
          setQuery(draft)
          setOpen(true)
        }}
      >
        <input
          type="search"
          aria-label="Search sources and quotes"
          aria-controls={showPanel ? panelId : undefined}
          placeholder="Search sources and quotes…"
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
        />
      </form>
      {showPanel && (
        <div id={panelId} className="search-panel" role="region" aria-label="Search results">
          {results.isError && <p role="alert">{results.error.message}</p>}
          {results.isFetching && hits.length === 0 && <p className="muted">Searching…</p>}
          {results.data && hits.length === 0 && <p className="muted">No matches for “{query}”.</p>}
          {hits.length > 0 && (
            <ul>
              {hits.map((hit, i) => (
                <li key={`${hit.kind}-${hit.annotationId ?? hit.sourceId}-${hit.start ?? i}-${i}`}>
                  <a href={hitHref(hit)} onClick={() => setOpen(false)}>
                    <span className="hit-kind">{KIND_LABELS[hit.kind]}</span>
                    <bdi className="hit-title">{hit.sourceTitle}</bdi>
                    <span className="hit-snippet">
                      {hit.snippet.before}
                      <mark>{hit.snippet.match}</mark>
                      {hit.snippet.after}
                    </span>
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
    </div>
  )
}
