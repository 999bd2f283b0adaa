import { useCallback, useMemo, useRef, useState } from 'react'
import type { Annotation, SourceRecord } from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { useReviewQueue, useSource } from '../../api/sources'
import { SOURCES_HREF, type ReaderRoute } from '../../routes/links'
import { AnnotateButton } from './AnnotateButton'
import type { PendingSelection } from './AnnotationDialog'
import { AnnotationList } from './AnnotationList'
import { HighlightCard } from './HighlightCard'
import { ReaderDialogs, type ReaderDialog } from './ReaderDialogs'
import { ReaderHeader } from './ReaderHeader'
import { placedAnnotations, readerHighlights, revealOffset, SUGGESTION_ID } from './reader-model'
import { ReviewQueue } from './ReviewQueue'
import { SideTabs, type SideTab } from './SideTabs'
import { SuggestionsPanel } from './SuggestionsPanel'
import { TextView } from './TextView'
import { useAnnotateAction } from './use-annotate-action'
import { useHighlightHover } from './use-highlight-hover'
import { useScrollRequest } from './use-scroll-request'
import { useTextSelection } from './use-text-selection'
import { MentionedEntityPanel, useEntityMentions } from './MentionedEntityPanel'

export function SourceReader({ route }: { route: ReaderRoute & { sourceId: string } }) {
  const loaded = useSource(route.sourceId)
  // Outlives the inner reader, which remounts when the text changes.
  const [status, setStatus] = useState<string | null>(null)
  if (loaded.isError) {
    return (
      <div role="alert" className="error-panel">
        <p>{loaded.error.message}</p>
        <a href={SOURCES_HREF}>Back to all sources</a>
      </div>
    )
  }
  if (!loaded.data) return <p className="muted">Opening the source…</p>
  return (
    <Reader
      // A repaired text (same hash, no longer damaged) starts a fresh reader too.
      key={`${loaded.data.source.contentHash}${loaded.data.damage ? ':damaged' : ''}`}
      route={route}
      source={loaded.data.source}
      text={loaded.data.text}
      damage={loaded.data.damage}
      annotations={loaded.data.annotations}
      status={status}
      setStatus={setStatus}
    />
  )
}

/** One version of the source's text: the text, its annotations beside it, and the dialogs. */
function Reader({
  route,
  source,
  text,
  damage,
  annotations,
  status,
  setStatus,
}: {
  route: ReaderRoute
  source: SourceRecord
  text: string
  damage: string | undefined
  annotations: Annotation[]
  status: string | null
  setStatus: (message: string | null) => void
}) {
  const rootRef = useRef<HTMLDivElement>(null)
  const entities = useEntityList()
  const review = useReviewQueue(source.id)
  const [dialog, setDialog] = useState<ReaderDialog | null>(null)
  const [tab, setTab] = useState<SideTab>(
    route.panel === 'suggestions' ? 'suggestions' : 'annotations',
  )
  /** The sentence of the suggestion last shown in the text. */
  const [sentence, setSentence] = useState<{ start: number; end: number } | null>(null)
  const [hover, setHover] = useHighlightHover()
  const { scroll, show } = useScrollRequest(rootRef, route)
  const selection = useTextSelection(rootRef, text)
  const openAnnotate = useCallback(
    (picked: PendingSelection) => setDialog({ kind: 'annotate', selection: picked }),
    [],
  )
  const annotate = useAnnotateAction({
    selection,
    contentHash: source.contentHash,
    dialogOpen: dialog !== null,
    onAnnotate: openAnnotate,
    onAnchored: show,
    onStatus: setStatus,
  })

  const entityById = useMemo(
    () => new Map((entities.data ?? []).map((e) => [e.id, e])),
    [entities.data],
  )
  const annotationById = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations])
  const placed = useMemo(
    () => placedAnnotations(annotations, text.length),
    [annotations, text.length],
  )
  const highlights = useMemo(
    () => readerHighlights(placed, route.range, text.length, sentence, source.reliability),
    [placed, route.range, text.length, sentence, source.reliability],
  )
  const mentions = useEntityMentions(text, entities.data)
  const [entityPanelId, setEntityPanelId] = useState<string | null>(null)
  const showSentence = useCallback(
    (range: { start: number; end: number }) => {
      setSentence(range)
      show(SUGGESTION_ID)
    },
    [show],
  )
  const closeDialog = useCallback(() => setDialog(null), [])
  const confirmDelete = (annotation: Annotation): void => setDialog({ kind: 'delete', annotation })
  const reviewItems = review.data ?? []

  return (
    <section className="reader" aria-labelledby="reader-title">
      <ReaderHeader
        source={source}
        damage={damage}
        status={status}
        reselecting={annotate.reselecting}
        onCancelReselect={annotate.cancelReselect}
        onOpen={setDialog}
        onStatus={setStatus}
      />

      <div className="reader-body">
        {damage ? (
          <p className="muted text-withheld">No text is shown for a damaged source.</p>
        ) : (
          <TextView
            text={text}
            pages={source.pages}
            highlights={highlights}
            reveal={revealOffset(scroll, route.range, annotationById, sentence)}
            onHover={setHover}
            rootRef={rootRef}
            mentions={mentions}
            onOpenEntity={setEntityPanelId}
          />
        )}
        <div className="reader-side-column">
          <SideTabs
            tab={tab}
            onTab={setTab}
            annotationCount={annotations.length}
            source={source}
            onStatus={setStatus}
          />
          {tab === 'annotations' ? (
            <aside className="reader-side" aria-label="Annotations" id="reader-side-annotations">
              {reviewItems.length > 0 && (
                <ReviewQueue
                  items={reviewItems}
                  onShow={show}
                  onReselect={annotate.startReselect}
                  onDelete={confirmDelete}
                  onStatus={setStatus}
                />
              )}
              <AnnotationList
                total={annotations.length}
                placed={placed}
                shownId={scroll?.id ?? null}
                entityById={entityById}
                pages={source.pages}
                onShow={show}
                onEdit={(a) => setDialog({ kind: 'edit', annotation: a })}
                onDelete={confirmDelete}
              />
            </aside>
          ) : (
            <aside className="reader-side" aria-label="Suggestions" id="reader-side-suggestions">
              <SuggestionsPanel
                source={source}
                text={text}
                onShow={showSentence}
                onStatus={setStatus}
              />
            </aside>
          )}
        </div>
      </div>

      {selection && !dialog && (
        <AnnotateButton
          rect={selection.rect}
          reselecting={annotate.reselecting !== null}
          disabled={annotate.pending}
          onClick={annotate.act}
        />
      )}

      {hover && (
        <HighlightCard
          target={hover}
          annotationById={annotationById}
          entityById={entityById}
          pages={source.pages}
        />
      )}

      {entityPanelId && (
        <MentionedEntityPanel entityId={entityPanelId} onClose={() => setEntityPanelId(null)} />
      )}

      {dialog && (
        <ReaderDialogs
          dialog={dialog}
          source={source}
          text={text}
          annotationCount={annotations.length}
          onClose={closeDialog}
          onStatus={setStatus}
          onShow={show}
        />
      )}
    </section>
  )
}
