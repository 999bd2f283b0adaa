/**
 * What the links of a note point to, as the chips read it: the number of each cited quote,
 * and the quotes and entities the store resolved them to.
 */
import { createContext } from 'react'
import {
  numberCitations,
  parseNoteHref,
  type CitationNumbering,
  type NoteLink,
} from '../../../../shared/citations'
import type { CitedQuote, MentionedEntity } from '../../../../shared/contract'

export interface ResolvedLinks {
  quotes: ReadonlyMap<string, CitedQuote>
  entities: ReadonlyMap<string, MentionedEntity>
  /** False until the first answer: chips show their number without details. */
  loaded: boolean
}

export interface LinkTargets {
  numberOf: ReadonlyMap<string, number>
  resolved: ResolvedLinks
}

const EMPTY_TARGETS: LinkTargets = {
  numberOf: new Map(),
  resolved: { quotes: new Map(), entities: new Map(), loaded: false },
}

/**
 * Chips read their number and their quote from here, so a change of numbering or of what a
 * quote says re-renders the chips, never the parse of the Markdown around them.
 */
export const LinkTargetsContext = createContext<LinkTargets>(EMPTY_TARGETS)

/**
 * The cited quote ids in order of appearance, repeats included, as one string: it stays
 * equal while typing changes anything but the citations, so what is keyed on it holds.
 */
export function citedIdsKey(links: readonly NoteLink[]): string {
  return links
    .filter((link) => link.kind === 'quote')
    .map((link) => link.id)
    .join('\n')
}

/** The numbering of the citations a key of `citedIdsKey` stands for. */
export function numberingOfKey(key: string): CitationNumbering {
  return numberCitations(
    key === ''
      ? []
      : key.split('\n').map((id) => ({
          kind: 'quote' as const,
          id,
          valid: parseNoteHref(`quote:${id}`)?.valid ?? false,
          text: '',
          start: 0,
          end: 0,
        })),
  )
}

/** The store's answer about the links, ready for lookups; loaded at once when nothing was asked. */
export function resolvedLinks(
  answer: { quotes: readonly CitedQuote[]; entities: readonly MentionedEntity[] } | undefined,
  asked: number,
): ResolvedLinks {
  return {
    quotes: new Map(answer?.quotes.map((q) => [q.annotationId, q])),
    entities: new Map(answer?.entities.map((e) => [e.entityId, e])),
    loaded: answer !== undefined || asked === 0,
  }
}
