/**
 * Backlinks for other views: the notes citing a quote (reader, evidence panel) and the notes
 * mentioning an entity (grid and graph side panels). Derived from note bodies on the server.
 */
import { useId } from 'react'
import type { NoteRef } from '../../../../shared/contract'
import { useNotesCiting, useNotesMentioning } from '../../api/notes'
import { noteHref } from '../../routes/links'
import { t } from '../i18n'
import './notes-kit.css'

function NoteLinks({
  heading,
  empty,
  query,
}: {
  heading: string
  empty: string
  query: { data?: NoteRef[]; isLoading: boolean; isError: boolean; error: Error | null }
}) {
  const headingId = useId()
  return (
    <section className="backlinks" aria-labelledby={headingId}>
      <h4 id={headingId}>{heading}</h4>
      {query.isLoading ? (
        <p className="muted">{t('ui.lookingForNotes')}</p>
      ) : query.isError ? (
        <p role="alert" className="error-text">
          {t('ui.couldNotLookForNotes')} {query.error?.message}
        </p>
      ) : !query.data?.length ? (
        <p className="muted">{empty}</p>
      ) : (
        <ul>
          {query.data.map((note) => (
            <li key={note.id}>
              <a href={noteHref(note.id)}>{note.title}</a>
              {note.occurrences > 1 && <span className="muted"> ({note.occurrences}×)</span>}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}

/** The notes that cite one annotation. */
export function NotesCitingQuote({ annotationId }: { annotationId: string }) {
  return (
    <NoteLinks
      heading={t('ui.citedInNotes')}
      empty={t('ui.noNoteCitesThisQuoteYet')}
      query={useNotesCiting(annotationId)}
    />
  )
}

/** The notes that mention one entity. */
export function NotesMentioningEntity({ entityId }: { entityId: string }) {
  return (
    <NoteLinks
      heading={t('ui.mentionedInNotes')}
      empty={t('ui.noNoteMentionsThisEntityYet')}
      query={useNotesMentioning(entityId)}
    />
  )
}
