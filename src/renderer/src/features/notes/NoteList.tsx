import { useDeferredValue, useMemo, useState } from 'react'
import type { NoteSummary } from '../../../../shared/contract'
import { useCreateNote, useNoteList } from '../../api/notes'
import { useCommands } from '../../ui/commands'
import { formatMoment } from './grades'
import { noteHref } from '../../routes/links'
import { t } from '../../ui/i18n'
import './note-list.css'

type SortKey = 'updated' | 'title' | 'citations'

const SORTS: Record<
  SortKey,
  { label: string; compare: (a: NoteSummary, b: NoteSummary) => number }
> = {
  updated: {
    label: t('notes.lastChanged'),
    compare: (a, b) => b.updatedAt.localeCompare(a.updatedAt),
  },
  title: {
    label: t('notes.title'),
    compare: (a, b) => a.title.localeCompare(b.title, undefined, { sensitivity: 'base' }),
  },
  citations: {
    label: t('notes.mostCitations'),
    compare: (a, b) => b.citationCount - a.citationCount || a.title.localeCompare(b.title),
  },
}

export function NoteList({ selectedId }: { selectedId: string | null }) {
  const [search, setSearch] = useState('')
  const query = useDeferredValue(search.trim())
  const [sort, setSort] = useState<SortKey>('updated')
  const notes = useNoteList(query)
  const createNote = useCreateNote()
  const sorted = useMemo(
    () => [...(notes.data ?? [])].sort(SORTS[sort].compare),
    [notes.data, sort],
  )

  const startNote = (): void => {
    createNote.mutate(
      { title: '' },
      {
        onSuccess: (note) => {
          window.location.hash = noteHref(note.id)
        },
      },
    )
  }
  useCommands([
    {
      id: 'notes.new',
      title: t('notes.newNote'),
      scope: t('notes.notes'),
      disabled: createNote.isPending,
      run: startNote,
    },
  ])

  return (
    <div className="note-list-pane">
      <div className="view-toolbar">
        <h2 id="notes-title">{t('notes.notes')}</h2>
        <button type="button" onClick={startNote} disabled={createNote.isPending}>
          {t('notes.newNote')}
        </button>
      </div>
      {createNote.isError && <p role="alert">{createNote.error.message}</p>}
      <div className="note-list-controls">
        <input
          type="search"
          aria-label={t('notes.searchNotes')}
          placeholder={t('notes.searchNotes')}
          value={search}
          onChange={(event) => setSearch(event.target.value)}
        />
        <label>
          <span className="visually-hidden">{t('notes.sortNotesBy')}</span>
          <select
            aria-label={t('notes.sortNotesBy')}
            value={sort}
            onChange={(event) => setSort(event.target.value as SortKey)}
          >
            {(Object.keys(SORTS) as SortKey[]).map((key) => (
              <option key={key} value={key}>
                {SORTS[key].label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {notes.isError ? (
        <p role="alert">{t('notes.couldNotListTheNotes', { message: notes.error.message })}</p>
      ) : (
        <>
          <p className="muted note-count" aria-live="polite">
            {notes.data === undefined
              ? t('notes.loading')
              : query
                ? t('notes.notesMatch', { count: sorted.length, query })
                : t('notes.noteCount', { count: sorted.length })}
          </p>
          {notes.data?.length === 0 && !query && (
            <p className="muted">{t('notes.noNotesYetPressNewNote')}</p>
          )}
          <ul className="note-list" aria-label={t('notes.notes')}>
            {sorted.map((note) => (
              <li key={note.id}>
                <a
                  href={noteHref(note.id)}
                  aria-current={note.id === selectedId ? 'page' : undefined}
                >
                  <span className="note-list-title">{note.title}</span>
                  <span className="note-list-meta">
                    {formatMoment(note.updatedAt)} ·{' '}
                    {t('notes.citationCount', { count: note.citationCount })}
                    {note.brokenCount > 0 && (
                      <span className="broken-text">
                        {' '}
                        {t('notes.broken', { brokenCount: note.brokenCount })}
                      </span>
                    )}
                  </span>
                  {note.excerpt && <span className="note-list-excerpt">{note.excerpt}</span>}
                </a>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  )
}
