import { ComingPanel } from '../../app/ComingPanel'

export function NotesView() {
  return (
    <ComingPanel title="Notes">
      Markdown notes that cite quotes and mention entities, with backlinks to every passage they
      rely on.
    </ComingPanel>
  )
}
