import type { ProjectInfo } from '../../../shared/contract'
import type { ProjectStore } from '../project-store'

export function projectInfo(store: ProjectStore): ProjectInfo {
  const data = store.data
  return {
    project: data.project,
    path: store.folder,
    counts: {
      sources: data.sources.length,
      annotations: data.annotations.length,
      entities: data.entities.length,
      relations: data.relations.length,
      notes: data.notes.length,
      reports: data.reports.length,
    },
  }
}
