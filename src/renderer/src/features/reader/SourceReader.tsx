import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import type { ReanchorSummary, ReviewItem } from '../../../../shared/contract'
import type { Annotation, Entity, SourceRecord } from '../../../../shared/model'
import { useEntityList } from '../../api/entities'
import { ApiError } from '../../api/errors'
import {
  useAcceptAnchor,
  useDeleteSource,
  useImportFile,
  useReselectAnchor,
  useReviewQueue,
  useSource,
} from '../../api/sources'
import { SOURCES_HREF, type ReaderRoute } from '../../routes/links'
import { ConfirmActions } from '../../ui/ConfirmActions'
import { Dialog } from '../../ui/Dialog'
import { NotesCitingQuote } from '../../ui/notes/Backlinks'
import { CiteInNoteButton } from '../../ui/notes/CiteInNote'
import { takesTypingKeys } from '../../ui/shortcuts'
import { AnnotationDialog, type PendingSelection } from './AnnotationDialog'
import { ACCEPTED_EXTENSIONS, precheckFile, readAsBase64 } from './files'
import { CREDIBILITY_LABELS, RELIABILITY_LABELS } from '../../../../shared/admiralty'
import { anchorLabel, excerpt, KIND_LABELS } from './labels'
import { useProgressiveCount } from './progressive'
import { pageOf, trimRange } from './segments'
import { DeleteAnnotationDialog, EditTextDialog, SourceDetailsDialog } from './SourceDialogs'
import {
  offsetOfPoint,
  TextView,
  useScrollToHighlight,
  type Highlight,
  type HoverTarget,
  type ScrollRequest,
} from './TextView'

const SEARCH_HIT_ID = '__hit'
const HIGHLIGHT_CARD_ID = 'highlight-card'

type Modal =
  | { kind: 'annotate'; selection: PendingSelection }
  | { kind: 'edit'; annotation: Annotation }
  | { kind: 'delete'; annotation: Annotation }
  | { kind: 'details' }
  | { kind: 'edit-text' }
  | { kind: 'delete-source' }

interface LiveSelection extends PendingSelection {
  rect: DOMRect
}

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
      key={loaded.data.source.contentHash}
      route={route}
      source={loaded.data.source}
      text={loaded.data.text}
      annotations={loaded.data.annotations}
      status={status}
      setStatus={setStatus}
    />
  )
}

function Reader({
  route,
  source,
  text,
  annotations,
  status,
  setStatus,
}: {
  route: ReaderRoute
  source: SourceRecord
  text: string
  annotations: Annotation[]
  status: string | null
  setStatus: (message: string | null) => void
}) {
  const rootRef = useRef<HTMLDivElement>(null)
  const entities = useEntityList()
  const review = useReviewQueue(source.id)
  const [modal, setModal] = useState<Modal | null>(null)
  const [selection, setSelection] = useState<LiveSelection | null>(null)
  const [hover, setHover] = useState<HoverTarget | null>(null)
  const [reselecting, setReselecting] = useState<Annotation | null>(null)
  const [scroll, setScroll] = useState<ScrollRequest | null>(() =>
    route.annotationId
      ? { id: route.annotationId, nonce: 0 }
      : route.range
        ? { id: SEARCH_HIT_ID, nonce: 0 }
        : null,
  )
  const reselect = useReselectAnchor()

  const entityById = useMemo(
    () => new Map((entities.data ?? []).map((e) => [e.id, e])),
    [entities.data],
  )
  const annotationById = useMemo(() => new Map(annotations.map((a) => [a.id, a])), [annotations])
  const placed = useMemo(
    () =>
      annotations
        .filter((a) => a.anchor.state !== 'orphaned' && a.target.position.end <= text.length)
        .sort((a, b) => a.target.position.start - b.target.position.start),
    [annotations, text.length],
  )
  const highlights = useMemo<Highlight[]>(() => {
    const list: Highlight[] = placed.map((a) => ({
      id: a.id,
      start: a.target.position.start,
      end: a.target.position.end,
      className: `hl-${a.kind} anchor-${a.anchor.state}`,
    }))
    if (route.range && route.range.end > route.range.start && route.range.end <= text.length) {
      list.push({ id: SEARCH_HIT_ID, ...route.range, className: 'search-hit' })
    }
    return list
  }, [placed, route.range, text.length])

  const revealOffset = scroll
    ? scroll.id === SEARCH_HIT_ID
      ? (route.range?.start ?? null)
      : (annotationById.get(scroll.id)?.target.position.start ?? null)
    : null
  useScrollToHighlight(rootRef, scroll)

  const showAnnotation = useCallback((id: string) => {
    setScroll((current) => ({ id, nonce: (current?.nonce ?? 0) + 1 }))
  }, [])

  // Track the text selection inside the reader.
  useEffect(() => {
    const onChange = (): void => {
      const root = rootRef.current
      const current = document.getSelection()
      if (!root || !current || current.isCollapsed || current.rangeCount === 0) {
        setSelection(null)
        return
      }
      const range = current.getRangeAt(0)
      if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) {
        setSelection(null)
        return
      }
      const raw = {
        start: offsetOfPoint(root, range.startContainer, range.startOffset, text.length),
        end: offsetOfPoint(root, range.endContainer, range.endOffset, text.length),
      }
      const { start, end } = trimRange(
        text,
        Math.min(raw.start, raw.end),
        Math.max(raw.start, raw.end),
      )
      if (end <= start) {
        setSelection(null)
        return
      }
      setSelection({
        start,
        end,
        exact: text.slice(start, end),
        rect: range.getBoundingClientRect(),
      })
    }
    document.addEventListener('selectionchange', onChange)
    return () => document.removeEventListener('selectionchange', onChange)
  }, [text])

  const act = useCallback((): void => {
    if (!selection) return
    const { rect: _rect, ...picked } = selection
    if (reselecting) {
      reselect.mutate(
        { id: reselecting.id, contentHash: source.contentHash, ...picked },
        {
          onSuccess: (a) => {
            setReselecting(null)
            setStatus('The annotation is anchored to the new selection.')
            document.getSelection()?.removeAllRanges()
            showAnnotation(a.id)
          },
          onError: (error) => setStatus(error.message),
        },
      )
    } else {
      setModal({ kind: 'annotate', selection: picked })
    }
  }, [selection, reselecting, reselect, source.contentHash, showAnnotation, setStatus])

  // "A" annotates the selection, as in other annotation tools.
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.key !== 'a' && event.key !== 'A') return
      if (event.ctrlKey || event.metaKey || event.altKey || modal) return
      if (takesTypingKeys(event.target instanceof HTMLElement ? event.target : null)) return
      if (!selection) return
      event.preventDefault()
      act()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [act, modal, selection])

  // The card describes the highlight under the pointer or focus, for screen readers too.
  useEffect(() => {
    const element = hover?.element
    element?.setAttribute('aria-describedby', HIGHLIGHT_CARD_ID)
    return () => element?.removeAttribute('aria-describedby')
  }, [hover])

  const scrollIndex = scroll ? placed.findIndex((a) => a.id === scroll.id) + 1 : 0
  // Long annotation lists mount over a few frames, like the text.
  const listed = useProgressiveCount(placed.length, 60, 60, scrollIndex)
  const reviewItems = review.data ?? []
  const page = (offset: number): string => {
    const n = pageOf(offset, source.pages)
    return n === null ? '' : `p. ${n}`
  }

  return (
    <section className="reader" aria-labelledby="reader-title">
      <div className="reader-head">
        <a href={SOURCES_HREF} className="back-link">
          ← All sources
        </a>
        <h2 id="reader-title">{source.title}</h2>
        <p className="muted reader-meta">
          {[
            source.publisher,
            source.author,
            source.publishedAt,
            `reliability ${source.reliability} (${RELIABILITY_LABELS[source.reliability]})`,
            source.url,
          ]
            .filter(Boolean)
            .join(' · ')}
        </p>
        <div className="reader-actions" role="toolbar" aria-label="Source actions">
          <button type="button" onClick={() => setModal({ kind: 'details' })}>
            Details…
          </button>
          <button type="button" onClick={() => setModal({ kind: 'edit-text' })}>
            Edit text…
          </button>
          <NewVersionButton source={source} onDone={setStatus} />
          <button type="button" onClick={() => setModal({ kind: 'delete-source' })}>
            Delete source…
          </button>
        </div>
        <p role="status" className="reader-status">
          {status}
        </p>
        {reselecting && (
          <div className="reselect-banner" role="region" aria-label="Re-select">
            Select the passage for “{excerpt(reselecting.target.quote.exact, 80)}”, then press
            “Anchor here”.{' '}
            <button type="button" onClick={() => setReselecting(null)}>
              Cancel re-select
            </button>
          </div>
        )}
      </div>

      <div className="reader-body">
        <TextView
          text={text}
          pages={source.pages}
          highlights={highlights}
          reveal={revealOffset}
          onHover={setHover}
          rootRef={rootRef}
        />
        <aside className="reader-side" aria-label="Annotations">
          {reviewItems.length > 0 && (
            <ReviewQueue
              items={reviewItems}
              onShow={showAnnotation}
              onReselect={(a) => {
                setReselecting(a)
                setStatus(null)
              }}
              onDelete={(a) => setModal({ kind: 'delete', annotation: a })}
              onStatus={setStatus}
            />
          )}
          <h3>Annotations ({annotations.length})</h3>
          {annotations.length === 0 && (
            <p className="muted">Select a passage in the text and press “Annotate” (or A).</p>
          )}
          <ol className="annotation-list">
            {placed.slice(0, listed).map((a) => (
              <li key={a.id} className={`annotation-item kind-${a.kind}`}>
                <button
                  type="button"
                  className="annotation-quote"
                  onClick={() => showAnnotation(a.id)}
                  aria-label={`Show “${excerpt(a.target.quote.exact, 60)}” in the text`}
                >
                  “{excerpt(a.target.quote.exact)}”
                </button>
                <div className="annotation-meta small">
                  {KIND_LABELS[a.kind]} · credibility {a.credibility}{' '}
                  {page(a.target.position.start)}
                  {a.anchor.state !== 'exact' && <> · {anchorLabel(a.anchor)}</>}
                </div>
                {a.comment && <p className="annotation-comment">{a.comment}</p>}
                <EntityNames ids={a.entityIds} byId={entityById} />
                {a.tags.length > 0 && <div className="muted small">#{a.tags.join(' #')}</div>}
                <div className="annotation-actions">
                  <button type="button" onClick={() => setModal({ kind: 'edit', annotation: a })}>
                    Edit
                  </button>
                  <button type="button" onClick={() => setModal({ kind: 'delete', annotation: a })}>
                    Delete
                  </button>
                  <CiteInNoteButton annotationId={a.id} />
                </div>
                {scroll?.id === a.id && <NotesCitingQuote annotationId={a.id} />}
              </li>
            ))}
          </ol>
        </aside>
      </div>

      {selection && !modal && (
        <button
          type="button"
          className="annotate-button"
          aria-keyshortcuts="A"
          style={{
            top: Math.max(8, selection.rect.top - 40),
            left: Math.min(window.innerWidth - 140, Math.max(8, selection.rect.left)),
          }}
          onMouseDown={(e) => e.preventDefault()}
          onClick={act}
          disabled={reselect.isPending}
        >
          {reselecting ? 'Anchor here' : 'Annotate'}
        </button>
      )}

      {hover && (
        <HighlightCard
          target={hover}
          annotationById={annotationById}
          entityById={entityById}
          page={page}
        />
      )}

      {modal?.kind === 'annotate' && (
        <AnnotationDialog
          sourceId={source.id}
          contentHash={source.contentHash}
          selection={modal.selection}
          onClose={() => setModal(null)}
          onSaved={(a) => {
            setModal(null)
            document.getSelection()?.removeAllRanges()
            setStatus('Annotation saved.')
            showAnnotation(a.id)
          }}
        />
      )}
      {modal?.kind === 'edit' && (
        <AnnotationDialog
          sourceId={source.id}
          contentHash={source.contentHash}
          annotation={modal.annotation}
          onClose={() => setModal(null)}
          onSaved={() => {
            setModal(null)
            setStatus('Annotation updated.')
          }}
        />
      )}
      {modal?.kind === 'delete' && (
        <DeleteAnnotationDialog
          annotation={modal.annotation}
          onClose={() => setModal(null)}
          onDeleted={() => {
            setModal(null)
            setStatus('Annotation deleted.')
          }}
        />
      )}
      {modal?.kind === 'details' && (
        <SourceDetailsDialog source={source} onClose={() => setModal(null)} />
      )}
      {modal?.kind === 'edit-text' && (
        <EditTextDialog
          source={source}
          text={text}
          onClose={() => setModal(null)}
          onSaved={(summary) => {
            setModal(null)
            setStatus(`Text saved. ${describeReanchor(summary)}`)
          }}
        />
      )}
      {modal?.kind === 'delete-source' && (
        <DeleteSourceDialog
          source={source}
          count={annotations.length}
          onClose={() => setModal(null)}
        />
      )}
    </section>
  )
}

export function describeReanchor(summary: ReanchorSummary): string {
  const kept = summary.exact + summary.moved
  const review = summary.fuzzy + summary.orphaned
  if (kept + review === 0) return 'There were no annotations to re-anchor.'
  return `${kept} annotation${kept === 1 ? '' : 's'} kept ${kept === 1 ? 'its' : 'their'} place${
    review > 0 ? `; ${review} need${review === 1 ? 's' : ''} review` : ''
  }.`
}

function EntityNames({ ids, byId }: { ids: string[]; byId: Map<string, Entity> }) {
  if (ids.length === 0) return null
  return (
    <div className="small annotation-entities">
      About: {ids.map((id) => byId.get(id)?.name ?? id).join(', ')}
    </div>
  )
}

function HighlightCard({
  target,
  annotationById,
  entityById,
  page,
}: {
  target: HoverTarget
  annotationById: Map<string, Annotation>
  entityById: Map<string, Entity>
  page: (offset: number) => string
}) {
  const shown = target.ids.map((id) => annotationById.get(id)).filter((a) => a !== undefined)
  if (shown.length === 0) return null
  return (
    <div
      id={HIGHLIGHT_CARD_ID}
      role="tooltip"
      className="highlight-card"
      style={{
        top: Math.min(window.innerHeight - 160, target.rect.bottom + 6),
        left: Math.min(window.innerWidth - 360, Math.max(8, target.rect.left)),
      }}
    >
      {shown.map((a) => (
        <div key={a.id} className="highlight-card-item">
          <div className="small">
            <strong>{KIND_LABELS[a.kind]}</strong> · credibility {a.credibility} (
            {CREDIBILITY_LABELS[a.credibility]}) {page(a.target.position.start)}
            {a.anchor.state !== 'exact' && <> · {anchorLabel(a.anchor)}</>}
          </div>
          {a.comment && <p>{a.comment}</p>}
          <EntityNames ids={a.entityIds} byId={entityById} />
        </div>
      ))}
    </div>
  )
}

function ReviewQueue({
  items,
  onShow,
  onReselect,
  onDelete,
  onStatus,
}: {
  items: ReviewItem[]
  onShow: (id: string) => void
  onReselect: (a: Annotation) => void
  onDelete: (a: Annotation) => void
  onStatus: (message: string) => void
}) {
  const accept = useAcceptAnchor()
  return (
    <section className="review-queue" aria-labelledby="review-title">
      <h3 id="review-title">Needs review ({items.length})</h3>
      <ul>
        {items.map(({ annotation: a, currentText }) => (
          <li key={a.id} className="review-item">
            <div className="small review-state">{anchorLabel(a.anchor)}</div>
            <div className="small">
              Was: <q>{excerpt(a.target.quote.exact, 160)}</q>
            </div>
            {currentText !== null && (
              <div className="small">
                Now: <q>{excerpt(currentText, 160)}</q>
              </div>
            )}
            <div className="annotation-actions">
              {a.anchor.state === 'fuzzy' && (
                <>
                  <button type="button" onClick={() => onShow(a.id)}>
                    Show
                  </button>
                  <button
                    type="button"
                    disabled={accept.isPending}
                    onClick={() =>
                      accept.mutate(
                        { id: a.id },
                        { onSuccess: () => onStatus('The new wording is accepted.') },
                      )
                    }
                  >
                    Accept
                  </button>
                </>
              )}
              <button type="button" onClick={() => onReselect(a)}>
                Re-select
              </button>
              <button type="button" onClick={() => onDelete(a)}>
                Delete
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  )
}

function NewVersionButton({
  source,
  onDone,
}: {
  source: SourceRecord
  onDone: (message: string) => void
}) {
  const input = useRef<HTMLInputElement>(null)
  const importFile = useImportFile()
  return (
    <>
      <button type="button" disabled={importFile.isPending} onClick={() => input.current?.click()}>
        {importFile.isPending ? 'Importing…' : 'Import new version…'}
      </button>
      <input
        ref={input}
        type="file"
        hidden
        aria-label="New version file"
        accept={ACCEPTED_EXTENSIONS.join(',')}
        onChange={async (event) => {
          const file = event.target.files?.[0]
          event.target.value = ''
          if (!file) return
          const problem = precheckFile(file)
          if (problem) return onDone(problem)
          try {
            const outcome = await importFile.mutateAsync({
              fileName: file.name,
              dataBase64: await readAsBase64(file),
              replaceSourceId: source.id,
            })
            onDone(
              outcome.status === 'replaced'
                ? `New version imported. ${describeReanchor(outcome.reanchor)}`
                : 'The new version has the same text as the current one; nothing changed.',
            )
          } catch (error) {
            onDone(error instanceof ApiError ? error.message : `"${file.name}" could not be read.`)
          }
        }}
      />
    </>
  )
}

function DeleteSourceDialog({
  source,
  count,
  onClose,
}: {
  source: SourceRecord
  count: number
  onClose: () => void
}) {
  const remove = useDeleteSource()
  return (
    <Dialog title="Delete source" onClose={onClose}>
      <p>
        Delete “{source.title}”
        {count > 0
          ? ` and its ${count} annotation${count === 1 ? '' : 's'}? Relations that cite them lose that evidence.`
          : '?'}
      </p>
      <ConfirmActions
        confirmLabel="Delete source"
        onConfirm={() =>
          remove.mutate(
            { id: source.id },
            {
              onSuccess: () => {
                onClose()
                window.location.hash = SOURCES_HREF
              },
            },
          )
        }
        onCancel={onClose}
        disabled={remove.isPending}
        error={remove.error?.message}
      />
    </Dialog>
  )
}
