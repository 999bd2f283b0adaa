/**
 * Adding evidence to an analysis, recorded in the session's edit history: the matrix adds
 * rows from its own search, the reader and the evidence panels from "Add to analysis…",
 * and Ctrl+Z in the matrix takes either back.
 */
import type { EvidenceSnapshot, EvidenceView, MethodInput } from '../../../../shared/contract'
import * as analyses from '../../api/analyses'
import { editHistory } from '../edit-history'

export async function addEvidence(
  input: MethodInput<'analyses.addEvidence'>,
  label: string,
): Promise<EvidenceView[]> {
  const views = await analyses.addEvidence(input)
  const ids = views.map((v) => v.row.id)
  let removed: EvidenceSnapshot[] = []
  editHistory.push({
    label,
    undo: async () => {
      removed = await analyses.removeEvidence({ analysisId: input.analysisId, evidenceIds: ids })
    },
    redo: async () => void (await analyses.restoreEvidence(removed)),
  })
  return views
}
