/**
 * Citations and mentions in the note editor: each link of the stored Markdown is drawn as
 * one chip (the quote's source and first words, or the entity's name) over its text, which
 * stays in the document byte for byte. The caret steps over a chip as one character, and
 * Backspace or Delete removes the whole link; undo brings it back.
 */
import { StateEffect, StateField, type EditorState, type Extension } from '@codemirror/state'
import { Decoration, EditorView, WidgetType, type DecorationSet } from '@codemirror/view'
import { citationHasOwnWords, citationText, type NoteLink } from '../../../../shared/citations'
import type { ResolvedLinks } from './link-targets'
import { linksOfBody } from './note-markdown'
import { t } from '../../ui/i18n'

/**
 * What a chip shows and what it is called, decided from the link and what it resolved to:
 * its main words, then, dimmer, the source and the quote's first words where they help.
 */
export interface ChipFace {
  kind: 'quote' | 'entity'
  broken: boolean
  /** The source's title, or the analyst's own link text; an entity's name. */
  main: string
  /** The source's title, after the analyst's own words. */
  source?: string
  /** The quote's first words (or, broken, the link text that stood for them). */
  quote?: string
  /** The accessible name: everything in full. */
  label: string
}

const SOURCE_LENGTH = 40
const QUOTE_LENGTH = 36
const SPOKEN_QUOTE_LENGTH = 60

/** Link text as it reads: Markdown escapes undone, one line. */
function readable(linkText: string): string {
  return linkText.replace(/\\(.)/g, '$1').replace(/\s+/g, ' ').trim()
}

function shorten(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1).trimEnd()}…` : text
}

export function chipFace(link: NoteLink, targets: ResolvedLinks): ChipFace {
  const written = readable(link.text)
  if (link.kind === 'entity') {
    const entity = targets.entities.get(link.id)
    const broken = !link.valid || entity?.status === 'missing'
    const main = written || (entity?.status === 'ok' ? entity.name : link.id)
    return {
      kind: 'entity',
      broken,
      main,
      label: broken
        ? t('notes.brokenMentionChip', { name: main })
        : t('notes.mentionChip', { name: main }),
    }
  }
  const quote = targets.quotes.get(link.id)
  if (!link.valid || quote?.status === 'missing') {
    return {
      kind: 'quote',
      broken: true,
      main: t('notes.brokenCitation2'),
      ...(written ? { quote: shorten(written, QUOTE_LENGTH) } : {}),
      label: t('notes.brokenCitationChip'),
    }
  }
  if (!quote) {
    // Until the store answers about this quote, the link's own text stands for it.
    const words = shorten(written, QUOTE_LENGTH)
    return {
      kind: 'quote',
      broken: false,
      main: words,
      label: t('notes.citationChipLoading', { quote: words }),
    }
  }
  const spoken = {
    source: quote.sourceTitle,
    quote: citationText(quote.exact, SPOKEN_QUOTE_LENGTH),
  }
  const orphaned = quote.status === 'orphaned'
  // The analyst's own words are part of the sentence: they show, with the source after them.
  if (citationHasOwnWords(link.text, quote.exact)) {
    return {
      kind: 'quote',
      broken: orphaned,
      main: written,
      source: citationText(quote.sourceTitle, SOURCE_LENGTH),
      label: orphaned
        ? t('notes.orphanedCitationChip', spoken)
        : t('notes.citationChipOwnWords', { ...spoken, words: written }),
    }
  }
  return {
    kind: 'quote',
    broken: orphaned,
    main: citationText(quote.sourceTitle, SOURCE_LENGTH),
    quote: citationText(quote.exact, QUOTE_LENGTH),
    label: orphaned ? t('notes.orphanedCitationChip', spoken) : t('notes.citationChip', spoken),
  }
}

class ChipWidget extends WidgetType {
  constructor(readonly face: ChipFace) {
    super()
  }

  override eq(other: ChipWidget): boolean {
    const a = this.face
    const b = other.face
    return (
      a.label === b.label &&
      a.main === b.main &&
      a.source === b.source &&
      a.quote === b.quote &&
      a.broken === b.broken
    )
  }

  toDOM(): HTMLElement {
    const { face } = this
    const chip = document.createElement('span')
    chip.className = `note-chip ${face.kind === 'entity' ? 'is-mention' : 'is-citation'}${face.broken ? ' is-broken' : ''}`
    // One atomic thing to a screen reader, read by its name; its own direction, and left out
    // of its line's, so a Dari sentence that starts with an English source reads right to left.
    chip.setAttribute('role', 'img')
    chip.setAttribute('aria-label', face.label)
    chip.dir = 'auto'
    const part = (className: string, text: string): void => {
      const span = document.createElement('span')
      span.className = className
      span.textContent = text
      chip.append(span)
    }
    part('note-chip-main', face.kind === 'entity' ? `@${face.main}` : face.main)
    if (face.source !== undefined) part('note-chip-source', ` · ${face.source}`)
    if (face.quote !== undefined) {
      part('note-chip-quote', ` · ${t('notes.chipQuote', { quote: face.quote })}`)
    }
    return chip
  }
}

/** The store's answer about the note's links; the chips redraw with it. */
export const setLinkTargets = StateEffect.define<ResolvedLinks>()

const NOTHING_RESOLVED: ResolvedLinks = { quotes: new Map(), entities: new Map(), loaded: false }

interface ChipState {
  links: NoteLink[]
  targets: ResolvedLinks
  chips: DecorationSet
}

function chipsFor(links: readonly NoteLink[], targets: ResolvedLinks): DecorationSet {
  return Decoration.set(
    links.map((link) =>
      Decoration.replace({ widget: new ChipWidget(chipFace(link, targets)) }).range(
        link.start,
        link.end,
      ),
    ),
  )
}

function read(state: EditorState, targets: ResolvedLinks): ChipState {
  const links = linksOfBody(state.doc.toString())
  return { links, targets, chips: chipsFor(links, targets) }
}

const chipField = StateField.define<ChipState>({
  create: (state) => read(state, NOTHING_RESOLVED),
  update(value, transaction) {
    let targets = value.targets
    for (const effect of transaction.effects) if (effect.is(setLinkTargets)) targets = effect.value
    if (transaction.docChanged) return read(transaction.state, targets)
    if (targets === value.targets) return value
    return { links: value.links, targets, chips: chipsFor(value.links, targets) }
  },
  // A link may run over a line break, so the chips come from the state, not a view plugin.
  provide: (field) => [
    EditorView.decorations.from(field, (value) => value.chips),
    EditorView.atomicRanges.of((view) => view.state.field(field).chips),
  ],
})

export function linkChips(): Extension {
  return chipField
}
