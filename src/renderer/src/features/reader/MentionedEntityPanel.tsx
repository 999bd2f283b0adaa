import { useEffect, useMemo, useRef } from 'react'
import type { Entity } from '../../../../shared/model'
import { EntityPanel } from '../../ui/evidence/EntityPanel'
import { findMentions, type Mention } from './entity-mentions'

const NONE: readonly Mention[] = []

/** The known entities a text names, found again only when the text or the entities change. */
export function useEntityMentions(
  text: string,
  entities: readonly Entity[] | undefined,
): readonly Mention[] {
  return useMemo(() => (entities ? findMentions(text, entities) : NONE), [text, entities])
}

/**
 * The evidence panel of a name clicked in the text, over the reader's side column: what the
 * project holds on it, without leaving the source. Escape or the close button dismisses it,
 * and focus goes back to the name.
 */
export function MentionedEntityPanel({
  entityId,
  onClose,
}: {
  entityId: string
  onClose: () => void
}) {
  const host = useRef<HTMLDivElement>(null)
  useEffect(() => {
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    host.current?.querySelector<HTMLElement>('button')?.focus()
    return () => {
      if (opener?.isConnected) opener.focus()
    }
  }, [entityId])
  return (
    <div
      ref={host}
      className="reader-entity-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose()
      }}
    >
      <EntityPanel key={entityId} entityId={entityId} onClose={onClose} />
    </div>
  )
}
