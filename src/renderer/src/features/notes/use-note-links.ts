import { useMemo } from 'react'
import { mentionedEntityIds, type CitationNumbering } from '../../../../shared/citations'
import { useResolvedLinks } from '../../api/notes'
import { splitMarkdownBlocks, type MarkdownBlock } from './blocks'
import {
  citedIdsKey,
  numberingOfKey,
  resolvedLinks,
  type LinkTargets,
  type ResolvedLinks,
} from './link-targets'
import { parseBlock } from './note-markdown'

export interface NoteLinks {
  blocks: MarkdownBlock[]
  numbering: CitationNumbering
  resolved: ResolvedLinks
  targets: LinkTargets
}

/**
 * A body's blocks, the numbering of its citations and what its links resolve to. The
 * numbering and the question to the store keep their identity while the cited ids and the
 * mentioned ids stay the same, so typing between links asks nothing and re-renders no chip.
 */
export function useNoteLinks(body: string): NoteLinks {
  const blocks = useMemo(() => splitMarkdownBlocks(body), [body])
  const links = useMemo(() => blocks.flatMap((block) => parseBlock(block.source).links), [blocks])
  const quoteKey = citedIdsKey(links)
  const numbering = useMemo(() => numberingOfKey(quoteKey), [quoteKey])
  const entityKey = mentionedEntityIds(links.filter((link) => link.valid)).join('\n')
  const annotationIds = useMemo(
    () => numbering.citations.filter((c) => c.valid).map((c) => c.annotationId),
    [numbering],
  )
  const entityIds = useMemo(() => (entityKey === '' ? [] : entityKey.split('\n')), [entityKey])
  const resolution = useResolvedLinks(annotationIds, entityIds)
  const resolved = useMemo(
    () => resolvedLinks(resolution.data, annotationIds.length + entityIds.length),
    [resolution.data, annotationIds.length, entityIds.length],
  )
  const targets = useMemo(() => ({ numberOf: numbering.numberOf, resolved }), [numbering, resolved])
  return { blocks, numbering, resolved, targets }
}
