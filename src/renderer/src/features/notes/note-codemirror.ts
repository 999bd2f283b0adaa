/**
 * The note editor's CodeMirror: plain Markdown source with citations and mentions shown as
 * chips (link-chips.ts), the browser's own caret and selection, undo history, lines that
 * wrap, and each line in the direction of its own text. Free of React: NoteSource mounts it
 * and passes in what it must hear about.
 */
import { history, historyKeymap, insertNewline, standardKeymap } from '@codemirror/commands'
import { Compartment, EditorState, Prec, RangeSetBuilder, type Extension } from '@codemirror/state'
import {
  Decoration,
  EditorView,
  keymap,
  ViewPlugin,
  type DecorationSet,
  type ViewUpdate,
} from '@codemirror/view'
import { linkChips } from './link-chips'
import { styleNonce } from '../../ui/style-nonce'

export interface NoteEditorHooks {
  /** The text box's accessible name and the id of the hint that describes it. */
  label: string
  describedBy: string
  /** The text or the selection changed. */
  onUpdate: (update: ViewUpdate) => void
  /** A key pressed in the text, before the editor's own keys; true when it was used. */
  onKeyDown: (event: KeyboardEvent) => boolean
  onBlur: () => void
}

/**
 * The text box's ARIA state while the type-ahead list is open (aria-controls,
 * aria-activedescendant), changed with `typeaheadAria.reconfigure(...)`.
 */
export const typeaheadAria = new Compartment()

export function typeaheadAttributes(
  listId: string | undefined,
  activeOption: string | undefined,
): Extension {
  return EditorView.contentAttributes.of({
    ...(listId ? { 'aria-controls': listId } : {}),
    ...(listId && activeOption ? { 'aria-activedescendant': activeOption } : {}),
  })
}

const autoDirection = Decoration.line({ attributes: { dir: 'auto' } })

function lineDirections(view: EditorView): DecorationSet {
  const builder = new RangeSetBuilder<Decoration>()
  let last = -1
  for (const { from, to } of view.visibleRanges) {
    for (let pos = from; pos <= to;) {
      const line = view.state.doc.lineAt(pos)
      if (line.from > last) builder.add(line.from, line.from, autoDirection)
      last = line.from
      pos = line.to + 1
    }
  }
  return builder.finish()
}

/**
 * dir="auto" on every line drawn, so a Dari line reads right to left in an English note and
 * the other way round; with perLineTextDirection the caret follows each line's direction.
 */
const perLineDirection: Extension = [
  EditorView.perLineTextDirection.of(true),
  ViewPlugin.fromClass(
    class {
      decorations: DecorationSet
      constructor(view: EditorView) {
        this.decorations = lineDirections(view)
      }
      update(update: ViewUpdate): void {
        if (update.docChanged || update.viewportChanged) {
          this.decorations = lineDirections(update.view)
        }
      }
    },
    { decorations: (plugin) => plugin.decorations },
  ),
]

export function createNoteEditor(
  parent: HTMLElement,
  body: string,
  hooks: NoteEditorHooks,
): EditorView {
  const nonce = styleNonce()
  return new EditorView({
    parent,
    state: EditorState.create({
      doc: body,
      extensions: [
        Prec.highest(
          EditorView.domEventHandlers({
            keydown: (event) => hooks.onKeyDown(event),
            blur: () => {
              hooks.onBlur()
              return false
            },
          }),
        ),
        history(),
        // Enter breaks the line and nothing more, as in a text area: no indentation is guessed.
        keymap.of([{ key: 'Enter', run: insertNewline }, ...standardKeymap, ...historyKeymap]),
        EditorView.lineWrapping,
        perLineDirection,
        linkChips(),
        EditorView.contentAttributes.of({
          'aria-label': hooks.label,
          'aria-describedby': hooks.describedBy,
          'aria-autocomplete': 'list',
          spellcheck: 'true',
        }),
        typeaheadAria.of(typeaheadAttributes(undefined, undefined)),
        EditorView.updateListener.of((update) => {
          if (update.docChanged || update.selectionSet) hooks.onUpdate(update)
        }),
        ...(nonce ? [EditorView.cspNonce.of(nonce)] : []),
      ],
    }),
  })
}
