import type { ReactNode } from 'react'
import type { MentionedEntity } from '../../../../shared/contract'
import { entityViewHref } from '../../routes/links'

/** A mention of an entity: a link to its record, or flagged text when it no longer exists. */
export function MentionChip({
  entityId,
  entity,
  loaded,
  children,
}: {
  entityId: string
  entity: MentionedEntity | undefined
  loaded: boolean
  children?: ReactNode
}) {
  if (!loaded) return <span className="mention">{children}</span>
  if (!entity || entity.status === 'missing') {
    return (
      <span
        className="mention broken"
        title={`This mention points to an entity that no longer exists (${entityId}).`}
      >
        {children} <span className="mention-flag">[unknown entity]</span>
      </span>
    )
  }
  return (
    <a
      className={`mention mention-${entity.type}`}
      href={entityViewHref(entity.entityId, entity.type)}
      title={`${entity.name} (${entity.type})`}
    >
      {children}
    </a>
  )
}
