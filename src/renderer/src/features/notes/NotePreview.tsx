import { memo } from 'react'
import { CitedQuotes } from './CitedQuotes'
import { RenderedMarkdown } from './RenderedMarkdown'
import { useNoteLinks } from './use-note-links'
import './note-preview.css'

/** A note's body rendered: citations as numbered chips, mentions as entity chips. */
export const NotePreview = memo(function NotePreview({ body }: { body: string }) {
  const { blocks, numbering, resolved, targets } = useNoteLinks(body)
  return (
    <div className="note-preview">
      <RenderedMarkdown blocks={blocks} targets={targets} />
      {numbering.citations.length > 0 && <CitedQuotes numbering={numbering} resolved={resolved} />}
    </div>
  )
})
