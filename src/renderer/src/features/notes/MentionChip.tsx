import type { ReactNode } from 'react'
import type { MentionedEntity } from '../../../../shared/contract'
import { entityViewHref } from '../../routes/links'
import { t } from '../../ui/i18n'

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
      <span className="mention broken" title={t('notes.thisMentionPointsToAnEntity', { entityId })}>
        {children} <span className="mention-flag">{t('notes.unknownEntity')}</span>
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
