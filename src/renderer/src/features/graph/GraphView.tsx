import { ComingPanel } from '../../app/ComingPanel'

export function GraphView() {
  return (
    <ComingPanel title="Graph">
      A link chart of groups, people, places and communities, each edge opening the quotes behind
      it.
    </ComingPanel>
  )
}
