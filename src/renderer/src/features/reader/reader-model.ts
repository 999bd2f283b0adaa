/**
 * What the reader derives from a source and its annotations: which annotations sit in the
 * text, the highlights it draws, where a scroll request points, the lines it prints. Pure,
 * so each rule is tested without a DOM.
 */
import { credibilityLabel, RELIABILITY_LABELS } from '../../ui/model-labels'
import type { ReanchorSummary } from '../../../../shared/contract'
import type { Annotation, Credibility, SourceRecord } from '../../../../shared/model'
import type { ReaderRoute } from '../../routes/links'
import type { Command } from '../../ui/commands'
import type { PendingSelection } from './AnnotationEditor'
import { pageOf, trimRange } from './segments'
import type { Highlight } from './TextView'
import { t } from '../../ui/i18n'

/** The search hit's highlight; ids starting with "__" never name an annotation. */
export const SEARCH_HIT_ID = '__hit'
/** The sentence of the suggestion last shown from the Suggestions panel. */
export const SUGGESTION_ID = '__suggestion'

type Range = ReaderRoute['range']

/** A request to bring a highlight into view. */
export interface ScrollRequest {
  id: string
  /** A new number for each request, so asking for the same id again scrolls again. */
  nonce: number
}

/** Annotations that have a place in this text, in text order (orphans wait in review). */
export function placedAnnotations(
  annotations: readonly Annotation[],
  textLength: number,
): Annotation[] {
  return annotations
    .filter((a) => a.anchor.state !== 'orphaned' && a.target.position.end <= textLength)
    .sort((a, b) => a.target.position.start - b.target.position.start)
}

/**
 * One highlight per placed annotation, plus the search hit the link asked for and the
 * sentence of the suggestion shown, if they fit. Each annotation is coloured by its kind
 * (`hl-<kind>`) and, when the source's reliability is given, marked with its full grade:
 * that letter and the credibility digit ("B2").
 */
export function readerHighlights(
  placed: readonly Annotation[],
  range: Range,
  textLength: number,
  sentence: Range = null,
  reliability?: string,
): Highlight[] {
  const list: Highlight[] = placed.map((a) => ({
    id: a.id,
    start: a.target.position.start,
    end: a.target.position.end,
    className: `hl-${a.kind} anchor-${a.anchor.state}`,
    ...(reliability !== undefined ? { grade: `${reliability}${a.credibility}` } : {}),
  }))
  if (range && range.end > range.start && range.end <= textLength) {
    list.push({ id: SEARCH_HIT_ID, ...range, className: 'search-hit' })
  }
  if (sentence && sentence.end > sentence.start && sentence.end <= textLength) {
    list.push({ id: SUGGESTION_ID, ...sentence, className: 'suggestion-hit' })
  }
  return list
}

/** The link's own target: its annotation, else its search hit, else nothing. */
export function initialScroll(
  route: Pick<ReaderRoute, 'annotationId' | 'range'>,
): ScrollRequest | null {
  if (route.annotationId) return { id: route.annotationId, nonce: 0 }
  if (route.range) return { id: SEARCH_HIT_ID, nonce: 0 }
  return null
}

/** A request to show `id`, new even when the same id was asked for before. */
export function nextScroll(current: ScrollRequest | null, id: string): ScrollRequest {
  return { id, nonce: (current?.nonce ?? 0) + 1 }
}

/** Where the requested highlight starts, so the text mounts at least that far. */
export function revealOffset(
  scroll: ScrollRequest | null,
  range: Range,
  annotationById: ReadonlyMap<string, Annotation>,
  sentence: Range = null,
): number | null {
  if (!scroll) return null
  if (scroll.id === SEARCH_HIT_ID) return range?.start ?? null
  if (scroll.id === SUGGESTION_ID) return sentence?.start ?? null
  return annotationById.get(scroll.id)?.target.position.start ?? null
}

/** "p. 3" for an offset in a paged source, "" otherwise. */
export function pageLabel(offset: number, pages: readonly number[] | undefined): string {
  const n = pageOf(offset, pages)
  return n === null ? '' : `p. ${n}`
}

/** The line under the title: who published it, when, how reliable, where from. */
export function sourceMetaLine(source: SourceRecord): string {
  return sourceMetaParts(source).join(' · ')
}

/** The parts of that line, each shown isolated from the others (a name may run right to left). */
export function sourceMetaParts(source: SourceRecord): string[] {
  return [
    source.publisher,
    source.author,
    source.publishedAt,
    t('reader.reliabilityGrade', {
      grade: source.reliability,
      meaning: RELIABILITY_LABELS[source.reliability],
    }),
    source.url,
  ].filter((part): part is string => Boolean(part))
}

/** How many annotations a re-anchoring kept in place and how many it sent to review. */
export function describeReanchor(summary: ReanchorSummary): string {
  const kept = summary.exact + summary.moved
  const review = summary.fuzzy + summary.orphaned
  if (kept + review === 0) return t('reader.thereWereNoAnnotationsToRe')
  const needReview = review > 0 ? t('reader.needReview', { count: review }) : ''
  return `${t('reader.annotationsKeptPlace', { count: kept })}${needReview}.`
}

/**
 * The passage between two offsets of a DOM selection (either order), without the blank
 * space around it; null when nothing but blank space is selected.
 */
export function selectedPassage(
  text: string,
  anchor: number,
  focus: number,
): PendingSelection | null {
  const { start, end } = trimRange(text, Math.min(anchor, focus), Math.max(anchor, focus))
  return end > start ? { start, end, exact: text.slice(start, end) } : null
}

/** The credibility digits a key press grades a new annotation with. */
const CREDIBILITY_KEYS: readonly Credibility[] = [1, 2, 3, 4, 5, 6]

/**
 * The reader's keys over a selection, as registry commands (so `?` lists them and the one
 * key handler runs them): "A" annotates it, as in other annotation tools, and a credibility
 * digit 1–6 annotates it already graded, so the first claim takes "select, 4, pick, Enter".
 * While the editor is open its own digits and letters grade and classify, so these step
 * aside; while an annotation is being re-anchored, "A" anchors it and digits mean nothing.
 */
export function annotateCommands({
  hasSelection,
  editorOpen,
  reselecting,
  act,
}: {
  hasSelection: boolean
  editorOpen: boolean
  reselecting: boolean
  act: (credibility?: Credibility) => void
}): Command[] {
  const idle = !hasSelection || editorOpen
  return [
    {
      id: 'reader.annotate',
      title: reselecting
        ? t('reader.anchorTheAnnotationToTheSelection')
        : t('reader.annotateTheSelection'),
      scope: t('reader.reader'),
      keys: ['A'],
      disabled: idle,
      run: () => act(),
    },
    ...CREDIBILITY_KEYS.map((grade) => ({
      id: `reader.annotate-graded-${grade}`,
      title: t('reader.annotateTheSelectionGraded', {
        grade,
        label: credibilityLabel(grade)?.toLowerCase(),
      }),
      scope: t('reader.reader'),
      keys: [String(grade)],
      disabled: idle || reselecting,
      run: () => act(grade),
    })),
  ]
}
