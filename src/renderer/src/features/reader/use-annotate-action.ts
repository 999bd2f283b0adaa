import { useCallback, useState } from 'react'
import type { Annotation } from '../../../../shared/model'
import { useReselectAnchor } from '../../api/sources'
import type { Credibility } from '../../../../shared/model'
import type { PendingSelection } from './AnnotationEditor'
import { useCommands } from '../../ui/commands'
import { annotateCommands } from './reader-model'
import type { LiveSelection } from './use-text-selection'
import { t } from '../../ui/i18n'

export interface AnnotateAction {
  /** The annotation whose passage is being chosen again, if any. */
  reselecting: Annotation | null
  startReselect: (annotation: Annotation) => void
  cancelReselect: () => void
  /** Annotates the selection (graded already when a digit asked), or anchors the re-selected annotation to it. */
  act: (credibility?: Credibility) => void
  pending: boolean
}

/**
 * What the selection is for: a new annotation (the dialog opens through `onAnnotate`), or,
 * while an annotation from the review queue is being re-selected, that annotation's new
 * place. Pressing "A" does the same as the floating button while no dialog is open, and a
 * credibility digit 1–6 opens the editor graded with it.
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
  onAnnotate: (selection: PendingSelection, credibility?: Credibility) => void
  onAnchored: (annotationId: string) => void
  onStatus: (message: string | null) => void
}): AnnotateAction {
  const reselect = useReselectAnchor()
  const [reselecting, setReselecting] = useState<Annotation | null>(null)
  const { mutate: anchor } = reselect

  const act = useCallback(
    (credibility?: Credibility): void => {
      if (!selection) return
      const { rect: _rect, ...picked } = selection
      if (!reselecting) {
        onAnnotate(picked, credibility)
        return
      }
      anchor(
        { id: reselecting.id, contentHash, ...picked },
        {
          onSuccess: (annotation) => {
            setReselecting(null)
            onStatus(t('reader.theAnnotationIsAnchoredToThe'))
            document.getSelection()?.removeAllRanges()
            onAnchored(annotation.id)
          },
          onError: (error) => onStatus(error.message),
        },
      )
    },
    [selection, reselecting, anchor, contentHash, onAnnotate, onAnchored, onStatus],
  )

  useCommands(
    annotateCommands({
      hasSelection: selection !== null,
      editorOpen: dialogOpen,
      reselecting: reselecting !== null,
      act,
    }),
  )

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
