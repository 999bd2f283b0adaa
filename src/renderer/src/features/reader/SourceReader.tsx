import { useCallback, useMemo, useRef, useState } from 'react'
import type { Annotation, Credibility, SourceRecord } from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { createAnnotation, useReviewQueue, useSource } from '../../api/sources'
import { SOURCES_HREF, type ReaderRoute } from '../../routes/links'
import { CiteDialog } from '../../ui/notes/CiteInNote'
import { AnnotationEditor, type PendingSelection } from './AnnotationEditor'
import { AnnotationList } from './AnnotationList'
import { HighlightCard } from './HighlightCard'
import { isEditorSubject, ReaderDialogs, type ReaderDialog } from './ReaderDialogs'
import { ReaderHeader } from './ReaderHeader'
import { placedAnnotations, readerHighlights, revealOffset, SUGGESTION_ID } from './reader-model'
import { ReviewQueue } from './ReviewQueue'
import { SelectionAdder } from './SelectionAdder'
import { SideTabs, type SideTab } from './SideTabs'
import { SuggestionsPanel } from './SuggestionsPanel'
import { TextView } from './TextView'
import { useAnnotateAction } from './use-annotate-action'
import { focusFirstMention } from './mention-focus'
import { useCommands } from '../../ui/commands'
import { useHighlightHover } from './use-highlight-hover'
import { useScrollRequest } from './use-scroll-request'
import { useTextSelection } from './use-text-selection'
import { MentionedEntityPanel, useEntityMentions } from './MentionedEntityPanel'
import { t } from '../../ui/i18n'

export function SourceReader({ route }: { route: ReaderRoute & { sourceId: string } }) {
  const loaded = useSource(route.sourceId)
  // Outlives the inner reader, which remounts when the text changes.
  const [status, setStatus] = useState<string | null>(null)
  if (loaded.isError) {
    return (
      <div role="alert" className="error-panel">
        <p>{loaded.error.message}</p>
        <a href={SOURCES_HREF}>{t('reader.backToAllSources')}</a>
      </div>
    )
  }
  if (!loaded.data) return <p className="muted">{t('reader.openingTheSource')}</p>
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
  /** A selection to cite in a note; its quote is made only once the analyst cites it. */
  const [citing, setCiting] = useState<PendingSelection | null>(null)
  const openAnnotate = useCallback(
    (picked: PendingSelection, credibility?: Credibility) =>
      setDialog({
        kind: 'annotate',
        selection: picked,
        ...(credibility !== undefined ? { credibility } : {}),
      }),
    [],
  )
  const annotate = useAnnotateAction({
    selection,
    contentHash: source.contentHash,
    dialogOpen: dialog !== null || citing !== null,
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
  useCommands([
    {
      id: 'reader.names',
      title: t('reader.goToTheUnderlinedNames'),
      scope: t('reader.reader'),
      keys: ['N'],
      keywords: ['entities', 'mentions', 'keyboard'],
      disabled: mentions.length === 0 || dialog !== null,
      run: () => {
        if (rootRef.current) focusFirstMention(rootRef.current)
      },
    },
  ])
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
  const editing = dialog && isEditorSubject(dialog) ? dialog : null
  const modal = dialog && !isEditorSubject(dialog) ? dialog : null
  const quoteSelection = (picked: PendingSelection) => async (): Promise<string> => {
    // Cited before it was graded: a plain quote whose credibility cannot be judged yet.
    const quote = await createAnnotation({
      sourceId: source.id,
      contentHash: source.contentHash,
      ...picked,
      kind: 'quote',
      credibility: 6,
    })
    document.getSelection()?.removeAllRanges()
    return quote.id
  }

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
          <p className="muted text-withheld">{t('reader.noTextIsShownForA')}</p>
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
          {editing ? (
            <AnnotationEditor
              key={editing.kind === 'edit' ? editing.annotation.id : editing.selection.start}
              subject={editing}
              source={source}
              text={text}
              entities={entities.data ?? []}
              onClose={closeDialog}
              onSaved={(a, created) => {
                closeDialog()
                if (created) {
                  document.getSelection()?.removeAllRanges()
                  setStatus(t('reader.annotationSavedCtrlZTakesIt'))
                } else setStatus(t('reader.annotationUpdatedCtrlZTakesIt'))
                show(a.id)
              }}
            />
          ) : tab === 'annotations' ? (
            <aside
              className="reader-side"
              aria-label={t('reader.annotations2')}
              id="reader-side-annotations"
            >
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
                reliability={source.reliability}
                onShow={show}
                onEdit={(a) => setDialog({ kind: 'edit', annotation: a })}
                onDelete={confirmDelete}
              />
            </aside>
          ) : (
            <aside
              className="reader-side"
              aria-label={t('reader.suggestions')}
              id="reader-side-suggestions"
            >
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

      {selection && !dialog && !citing && (
        <SelectionAdder
          rect={selection.rect}
          reselecting={annotate.reselecting !== null}
          disabled={annotate.pending}
          onAnnotate={() => annotate.act()}
          onCite={() => {
            const { rect: _rect, ...picked } = selection
            setCiting(picked)
          }}
        />
      )}

      {citing && (
        <CiteDialog
          annotationId={quoteSelection(citing)}
          onClose={() => setCiting(null)}
          onCited={(note) => {
            setCiting(null)
            setStatus(t('reader.citedIn', { name: note.name }))
          }}
        />
      )}

      {hover && (
        <HighlightCard
          target={hover}
          annotationById={annotationById}
          entityById={entityById}
          pages={source.pages}
          reliability={source.reliability}
        />
      )}

      {entityPanelId && (
        <MentionedEntityPanel entityId={entityPanelId} onClose={() => setEntityPanelId(null)} />
      )}

      {modal && (
        <ReaderDialogs
          dialog={modal}
          source={source}
          text={text}
          annotationCount={annotations.length}
          onClose={closeDialog}
          onStatus={setStatus}
        />
      )}
    </section>
  )
}
