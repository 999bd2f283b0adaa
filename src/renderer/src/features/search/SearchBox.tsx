import { useEffect, useId, useRef, useState, type KeyboardEvent, type ReactNode } from 'react'
import type { SearchHit } from '../../../../shared/contract'
import { useSearch } from '../../api/search'
import { entityViewHref, noteHref, readerHref, readerRangeHref } from '../../routes/links'
import { onePerPassage } from './passages'
import { t } from '../../ui/i18n'
import './search.css'

const KIND_LABELS: Record<SearchHit['kind'], string> = {
  quote: t('search.quote'),
  comment: t('search.comment'),
  text: t('search.text'),
  title: t('search.title'),
}

function hitHref(hit: SearchHit): string {
  if (hit.annotationId) return readerHref(hit.sourceId, hit.annotationId)
  if (hit.start !== undefined && hit.end !== undefined && hit.end > hit.start) {
    return readerRangeHref(hit.sourceId, hit.start, hit.end)
  }
  return readerHref(hit.sourceId)
}

/**
 * The header's search box: entities (names, aliases, acronyms), notes, and passages of
 * sources (text, titles, quotes, comments), in three groups, one hit per passage; a hit
 * opens the entity's panel, the note, or the reader there. Arrow keys move through them.
 */
export function SearchBox() {
  const [draft, setDraft] = useState('')
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const results = useSearch(query)
  const panelId = useId()
  const container = useRef<HTMLDivElement>(null)
  const panel = useRef<HTMLDivElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const close = (): void => setOpen(false)

  useEffect(() => {
    const timer = window.setTimeout(() => setQuery(draft), 200)
    return () => window.clearTimeout(timer)
  }, [draft])

  useEffect(() => {
    const onHash = (): void => setOpen(false)
    window.addEventListener('hashchange', onHash)
    return () => window.removeEventListener('hashchange', onHash)
  }, [])

  const hits = onePerPassage(results.data?.hits ?? [])
  const entities = results.data?.entities ?? []
  const notes = results.data?.notes ?? []
  const total = hits.length + entities.length + notes.length
  const showPanel = open && query.trim().length > 0

  /** Arrow keys walk the results (and back up to the box); Home and End jump. */
  const onArrowKeys = (event: KeyboardEvent<HTMLDivElement>): void => {
    if (!['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(event.key)) return
    const links = [...(panel.current?.querySelectorAll<HTMLAnchorElement>('a[href]') ?? [])]
    if (links.length === 0) return
    const inBox = event.target === input.current
    if (inBox && (event.key === 'Home' || event.key === 'End')) return
    event.preventDefault()
    const at = links.indexOf(document.activeElement as HTMLAnchorElement)
    const next =
      event.key === 'Home'
        ? 0
        : event.key === 'End'
          ? links.length - 1
          : event.key === 'ArrowDown'
            ? Math.min(links.length - 1, at + 1)
            : at - 1
    if (next < 0) input.current?.focus()
    else links[next]?.focus()
  }

  return (
    <div
      className="search-box"
      ref={container}
      onBlur={(event) => {
        if (!container.current?.contains(event.relatedTarget as Node | null)) setOpen(false)
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          setOpen(false)
          input.current?.focus()
        } else if (showPanel) onArrowKeys(event)
      }}
    >
      <form
        role="search"
        aria-label={t('search.searchTheProject')}
        onSubmit={(event) => {
          event.preventDefault()
          setQuery(draft)
          setOpen(true)
        }}
      >
        <input
          ref={input}
          type="search"
          aria-label={t('search.searchSourcesAndQuotes')}
          aria-description={t('search.entitiesNotesAndPassagesArrowKeys')}
          aria-controls={showPanel ? panelId : undefined}
          placeholder={t('search.searchEntitiesNotesSources')}
          value={draft}
          onChange={(event) => {
            setDraft(event.target.value)
            setOpen(true)
          }}
          onFocus={() => setOpen(true)}
        />
      </form>
      {showPanel && (
        <div
          id={panelId}
          ref={panel}
          className="search-panel"
          role="region"
          aria-label={t('search.searchResults')}
        >
          {results.isError && <p role="alert">{results.error.message}</p>}
          {results.isFetching && total === 0 && <p className="muted">{t('search.searching')}</p>}
          {results.data && total === 0 && (
            <p className="muted">{t('search.noMatchesFor', { query })}</p>
          )}
          {entities.length > 0 && (
            <HitGroup title={t('search.entities')}>
              {entities.map((hit) => (
                <li key={hit.entityId}>
                  <a href={entityViewHref(hit.entityId, hit.type)} onClick={close}>
                    <span className="hit-kind">{typeLabel(hit.type)}</span>
                    <bdi className="hit-title">{hit.name}</bdi>
                    {hit.matched !== hit.name && (
                      <span className="hit-snippet">
                        {t('search.alsoKnownAs')} <bdi>{hit.matched}</bdi>
                      </span>
                    )}
                  </a>
                </li>
              ))}
            </HitGroup>
          )}
          {notes.length > 0 && (
            <HitGroup title={t('search.notes')}>
              {notes.map((hit) => (
                <li key={hit.noteId}>
                  <a href={noteHref(hit.noteId)} onClick={close}>
                    <span className="hit-kind">{t('search.note')}</span>
                    <bdi className="hit-title">{hit.title}</bdi>
                    <Snippet snippet={hit.snippet} />
                  </a>
                </li>
              ))}
            </HitGroup>
          )}
          {hits.length > 0 && (
            <HitGroup title={t('search.passages')}>
              {hits.map((hit, i) => (
                <li key={`${hit.kind}-${hit.annotationId ?? hit.sourceId}-${hit.start ?? i}-${i}`}>
                  <a href={hitHref(hit)} onClick={close}>
                    <span className="hit-kind">{KIND_LABELS[hit.kind]}</span>
                    <bdi className="hit-title">{hit.sourceTitle}</bdi>
                    <Snippet snippet={hit.snippet} />
                  </a>
                </li>
              ))}
            </HitGroup>
          )}
        </div>
      )}
    </div>
  )
}

function HitGroup({ title, children }: { title: string; children: ReactNode }) {
  const id = useId()
  return (
    <section className="hit-group" aria-labelledby={id}>
      <h3 id={id} className="hit-group-title">
        {title}
      </h3>
      <ul>{children}</ul>
    </section>
  )
}

function Snippet({ snippet }: { snippet: SearchHit['snippet'] }) {
  return (
    <span className="hit-snippet" dir="auto">
      {snippet.before}
      <mark>{snippet.match}</mark>
      {snippet.after}
    </span>
  )
}

function typeLabel(type: string): string {
  return type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' ')
}
