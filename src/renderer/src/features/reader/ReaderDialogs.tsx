import type { Annotation, SourceRecord } from '../../../../shared/model'
import type { EditorSubject } from './AnnotationEditor'
import { describeReanchor } from './reader-model'
import {
  DeleteAnnotationDialog,
  DeleteSourceDialog,
  EditTextDialog,
  SourceDetailsDialog,
} from './SourceDialogs'

/** The dialogs the source's own toolbar opens. */
export type SourceDialog = { kind: 'details' } | { kind: 'edit-text' } | { kind: 'delete-source' }

/** The one dialog the reader may have open: the annotation editor (in the side panel) or a modal. */
export type ReaderDialog = EditorSubject | ModalDialog

type ModalDialog = { kind: 'delete'; annotation: Annotation } | SourceDialog

export function isEditorSubject(dialog: ReaderDialog): dialog is EditorSubject {
  return dialog.kind === 'annotate' || dialog.kind === 'edit'
}

/** Renders the open modal dialog; each reports its outcome through `onStatus` and closes. */
export function ReaderDialogs({
  dialog,
  source,
  text,
  annotationCount,
  onClose,
  onStatus,
}: {
  dialog: ModalDialog
  source: SourceRecord
  text: string
  annotationCount: number
  onClose: () => void
  onStatus: (message: string) => void
}) {
  const closeSaying = (message: string) => (): void => {
    onClose()
    onStatus(message)
  }
  switch (dialog.kind) {
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
