/**
 * Whole-project export and import: one JSON file with every record and every source text.
 * An import is checked as strictly as a project opened from disk, plus the texts against
 * their hashes, and refused with the full list of problems rather than half-imported.
 */
import { createHash } from 'node:crypto'
import {
  EXPORT_FORMAT,
  EXPORT_FORMAT_VERSION,
  ProjectExportEnvelope,
  type ProjectExportFile,
} from '../../../shared/contract'
import { ProjectFile } from '../../../shared/model'
import type { ApiErrorBody } from '../../../shared/result'
import { fileNameSlug } from '../../../shared/text'
import { MAX_LISTED_PROBLEMS, refuseFile, type AppError } from '../errors'
import { findIntegrityProblems } from '../integrity'
import { migrateProjectFile, SchemaVersionError } from '../migrations'
import type { ProjectStore } from '../project-store'
import { findShapeProblems, PROJECT_FILE_LIMITS } from '../safe-json'
import { readSourceText } from './sources'
import type { Workspace } from '../workspace'

export async function exportProject(store: ProjectStore): Promise<ProjectExportFile> {
  const data = store.data
  const texts: Record<string, string> = {}
  for (const source of data.sources) {
    texts[source.contentHash] ??= await readSourceText(store, source)
  }
  const envelope: ProjectExportEnvelope = {
    format: EXPORT_FORMAT,
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: new Date().toISOString(),
    project: data,
    texts,
  }
  const content = JSON.stringify(envelope)
  return {
    fileName: `${fileNameSlug(data.project.name)}.sightline.json`,
    content,
    bytes: Buffer.byteLength(content, 'utf8'),
  }
}

type Problem = NonNullable<ApiErrorBody['issues']>[number]

function refuse(problems: Problem[]): AppError {
  return refuseFile(problems, 'This file cannot be imported')
}

function zodProblems(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
  prefix: string,
): Problem[] {
  return issues.map((issue) => ({
    path: [prefix, ...issue.path.map(String)].filter(Boolean).join('.'),
    message: issue.message,
  }))
}

/** Checks an export file completely; returns the project and the texts it needs. */
function parseProjectExport(content: string): {
  file: ProjectFile
  texts: Map<string, string>
} {
  let raw: unknown
  try {
    raw = JSON.parse(content)
  } catch (error) {
    throw refuse([{ path: '', message: `it is not valid JSON (${(error as Error).message})` }])
  }
  const shape = findShapeProblems(raw, PROJECT_FILE_LIMITS)
  if (shape.length > 0) throw refuse(shape.map((message) => ({ path: '', message })))

  const envelope = ProjectExportEnvelope.safeParse(raw)
  if (!envelope.success) {
    const problems = zodProblems(envelope.error.issues, '')
    const format = (raw as { format?: unknown } | null)?.format
    if (format !== EXPORT_FORMAT) {
      problems.unshift({ path: '', message: 'it is not a Sightline project export' })
    }
    throw refuse(problems)
  }
  let migrated: unknown
  try {
    migrated = migrateProjectFile(envelope.data.project).file
  } catch (error) {
    if (error instanceof SchemaVersionError) {
      throw refuse([{ path: 'project.schemaVersion', message: error.message }])
    }
    throw error
  }
  const parsed = ProjectFile.safeParse(migrated)
  if (!parsed.success) throw refuse(zodProblems(parsed.error.issues, 'project'))
  const file = parsed.data

  const problems: Problem[] = findIntegrityProblems(file, MAX_LISTED_PROBLEMS).map((message) => ({
    path: 'project',
    message,
  }))
  const texts = new Map<string, string>()
  for (const source of file.sources) {
    const text = Object.hasOwn(envelope.data.texts, source.contentHash)
      ? envelope.data.texts[source.contentHash]
      : undefined
    const where = `texts.${source.contentHash}`
    if (text === undefined) {
      problems.push({ path: where, message: `the text of source "${source.id}" is missing` })
      continue
    }
    if (createHash('sha256').update(text, 'utf8').digest('hex') !== source.contentHash) {
      problems.push({
        path: where,
        message: `the text of source "${source.id}" does not match its hash`,
      })
      continue
    }
    if (text.length !== source.length) {
      problems.push({
        path: where,
        message: `the text of source "${source.id}" has the wrong length`,
      })
      continue
    }
    texts.set(source.contentHash, text)
  }
  if (problems.length > 0) throw refuse(problems)
  return { file, texts }
}

/** Imports an export file as a new project under the projects folder, and opens it. */
export async function importProject(
  ws: Workspace,
  content: string,
  name?: string,
): Promise<ProjectStore> {
  const { file, texts } = parseProjectExport(content)
  if (name) file.project = { ...file.project, name }
  return ws.createFrom(file, texts)
}
