import { ComingPanel } from '../../app/ComingPanel'

export function ReaderView() {
  return (
    <ComingPanel title="Sources">
      Import documents, read them, and turn any passage into a graded quote linked to the entities
      it is about.
    </ComingPanel>
  )
}
