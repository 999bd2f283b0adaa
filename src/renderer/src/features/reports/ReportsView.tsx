import { ComingPanel } from '../../app/ComingPanel'

export function ReportsView() {
  return (
    <ComingPanel title="Reports">
      Reports composed from notes, tables, the graph and quotes, exported to PDF with numbered
      citations.
    </ComingPanel>
  )
}
