import type { Annotation, SourceRecord } from '../../../../shared/model'
import { AnnotationDialog, type PendingSelection } from './AnnotationDialog'
import { describeReanchor } from './reader-model'
import {
  DeleteAnnotationDialog,
  DeleteSourceDialog,
  EditTextDialog,
  SourceDetailsDialog,
} from './SourceDialogs'

/** The dialogs the source's own toolbar opens. */
export type SourceDialog = { kind: 'details' } | { kind: 'edit-text' } | { kind: 'delete-source' }

/** The one dialog the reader may have open. */
export type ReaderDialog =
  | { kind: 'annotate'; selection: PendingSelection }
  | { kind: 'edit'; annotation: Annotation }
  | { kind: 'delete'; annotation: Annotation }
  | SourceDialog

/** Renders the open dialog; each reports its outcome through `onStatus` and closes. */
export function ReaderDialogs({
  dialog,
  source,
  text,
  annotationCount,
  onClose,
  onStatus,
  onShow,
}: {
  dialog: ReaderDialog
  source: SourceRecord
  text: string
  annotationCount: number
  onClose: () => void
  onStatus: (message: string) => void
  onShow: (annotationId: string) => void
}) {
  const closeSaying = (message: string) => (): void => {
    onClose()
    onStatus(message)
  }
  switch (dialog.kind) {
    case 'annotate':
      return (
        <AnnotationDialog
          sourceId={source.id}
          contentHash={source.contentHash}
          selection={dialog.selection}
          onClose={onClose}
          onSaved={(a) => {
            onClose()
            document.getSelection()?.removeAllRanges()
            onStatus('Annotation saved.')
            onShow(a.id)
          }}
        />
      )
    case 'edit':
      return (
        <AnnotationDialog
          sourceId={source.id}
          contentHash={source.contentHash}
          annotation={dialog.annotation}
          onClose={onClose}
          onSaved={closeSaying('Annotation updated.')}
        />
      )
    case 'delete':
      return (
        <DeleteAnnotationDialog
          annotation={dialog.annotation}
          onClose={onClose}
          onDeleted={closeSaying('Annotation deleted.')}
        />
      )
    case 'details':
      return <SourceDetailsDialog source={source} onClose={onClose} />
    case 'edit-text':
      return (
        <EditTextDialog
          source={source}
          text={text}
          onClose={onClose}
          onSaved={(summary) => {
            onClose()
            onStatus(`Text saved. ${describeReanchor(summary)}`)
          }}
        />
      )
    case 'delete-source':
      return <DeleteSourceDialog source={source} count={annotationCount} onClose={onClose} />
  }
}
