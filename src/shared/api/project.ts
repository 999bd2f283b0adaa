import { z } from 'zod'
import { ProjectMeta } from '../model'
import { FolderPath, method, NoInput } from './method'

export const ProjectInfo = z.strictObject({
  project: ProjectMeta,
  /** Folder holding project.json and sources/. */
  path: z.string(),
  counts: z.strictObject({
    sources: z.number().int(),
    annotations: z.number().int(),
    entities: z.number().int(),
    relations: z.number().int(),
    notes: z.number().int(),
    reports: z.number().int(),
  }),
})
export type ProjectInfo = z.infer<typeof ProjectInfo>

export const RecentProject = z.strictObject({
  path: z.string(),
  name: z.string(),
  openedAt: z.string(),
})
export type RecentProject = z.infer<typeof RecentProject>

export const projectMethods = {
  /** The open project: its metadata, folder and record counts. */
  'project.info': method(NoInput, ProjectInfo),
  /** Open the project folder at `path` (flushing the current one first). */
  'project.open': method(z.strictObject({ path: FolderPath }), ProjectInfo),
  /** Create an empty project named `name`, in `path` or under the user-data folder, and open it. */
  'project.create': method(
    z.strictObject({
      name: z.string().trim().min(1).max(500),
      path: FolderPath.optional(),
    }),
    ProjectInfo,
  ),
  /** Projects opened recently, newest first. */
  'project.recent': method(NoInput, z.array(RecentProject)),
} as const
