import { useCallback, useEffect, useState } from 'react'
import type { Annotation } from '../../../../shared/model'
import { useReselectAnchor } from '../../api/sources'
import type { PendingSelection } from './AnnotationDialog'
import { isAnnotateKey } from './reader-model'
import type { LiveSelection } from './use-text-selection'

export interface AnnotateAction {
  /** The annotation whose passage is being chosen again, if any. */
  reselecting: Annotation | null
  startReselect: (annotation: Annotation) => void
  cancelReselect: () => void
  /** Annotates the selection, or anchors the re-selected annotation to it. */
  act: () => void
  pending: boolean
}

/**
 * What the selection is for: a new annotation (the dialog opens through `onAnnotate`), or,
 * while an annotation from the review queue is being re-selected, that annotation's new
 * place. Pressing "A" does the same as the floating button while no dialog is open.
 */
export function useAnnotateAction({
  selection,
  contentHash,
  dialogOpen,
  onAnnotate,
  onAnchored,
  onStatus,
}: {
  selection: LiveSelection | null
  contentHash: string
  dialogOpen: boolean
  onAnnotate: (selection: PendingSelection) => void
  onAnchored: (annotationId: string) => void
  onStatus: (message: string | null) => void
}): AnnotateAction {
  const reselect = useReselectAnchor()
  const [reselecting, setReselecting] = useState<Annotation | null>(null)
  const { mutate: anchor } = reselect

  const act = useCallback((): void => {
    if (!selection) return
    const { rect: _rect, ...picked } = selection
    if (!reselecting) {
      onAnnotate(picked)
      return
    }
    anchor(
      { id: reselecting.id, contentHash, ...picked },
      {
        onSuccess: (annotation) => {
          setReselecting(null)
          onStatus('The annotation is anchored to the new selection.')
          document.getSelection()?.removeAllRanges()
          onAnchored(annotation.id)
        },
        onError: (error) => onStatus(error.message),
      },
    )
  }, [selection, reselecting, anchor, contentHash, onAnnotate, onAnchored, onStatus])

  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      const focused = event.target instanceof HTMLElement ? event.target : null
      if (!isAnnotateKey(event, focused, dialogOpen) || !selection) return
      event.preventDefault()
      act()
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [act, dialogOpen, selection])

  const startReselect = useCallback(
    (annotation: Annotation) => {
      setReselecting(annotation)
      onStatus(null)
    },
    [onStatus],
  )
  const cancelReselect = useCallback(() => setReselecting(null), [])

  return { reselecting, startReselect, cancelReselect, act, pending: reselect.isPending }
}
