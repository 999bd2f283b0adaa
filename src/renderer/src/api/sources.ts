/**
 * The library: sources and the annotations anchored in them. A change to either reaches
 * lists, readers, counts, grids, evidence, the graph, search, notes and reports, so every
 * mutation here refreshes all of them (`libraryChanged`).
 */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query'
import type { MethodInput, MethodName, MethodOutput } from '../../../shared/contract'
import { analysisKeys } from './analyses'
import { call } from './client'
import { entityKeys } from './entities'
import { evidenceKeys } from './evidence'
import { graphKeys } from './graph'
import { noteKeys } from './notes'
import { projectKeys } from './project'
import { queryClient } from './query-client'
import { reportKeys } from './reports'
import { timelineKeys } from './timeline'
import { searchKeys } from './search'
import { suggestionKeys } from './suggestions'

const sourceKeys = {
  all: ['sources'] as const,
  list: () => [...sourceKeys.all, 'list'] as const,
  detail: (id: string) => [...sourceKeys.all, 'detail', id] as const,
  importProgress: (jobId: string) => [...sourceKeys.all, 'import', jobId] as const,
}

const annotationKeys = {
  all: ['annotations'] as const,
  tags: () => [...annotationKeys.all, 'tags'] as const,
  review: (sourceId: string) => [...annotationKeys.all, 'review', sourceId] as const,
  dependents: (id: string) => [...annotationKeys.all, 'dependents', id] as const,
}

/** After any change to sources or annotations: everything built from quotes and their grades. */
function libraryChanged(client: QueryClient): Promise<void> {
  return Promise.all([
    client.invalidateQueries({ queryKey: sourceKeys.all }),
    client.invalidateQueries({ queryKey: annotationKeys.all }),
    client.invalidateQueries({ queryKey: entityKeys.all }),
    client.invalidateQueries({ queryKey: projectKeys.info() }),
    client.invalidateQueries({ queryKey: searchKeys.all }),
    // Quotes are the evidence of entities and relations, and set the graph's evidence
    // counts and best grades.
    client.invalidateQueries({ queryKey: evidenceKeys.all }),
    client.invalidateQueries({ queryKey: graphKeys.all }),
    // Citations in notes and reports show their quotes (or that they are gone).
    client.invalidateQueries({ queryKey: noteKeys.all }),
    client.invalidateQueries({ queryKey: reportKeys.all }),
    // A deleted quote brings back the suggestion it was accepted from.
    client.invalidateQueries({ queryKey: suggestionKeys.all }),
    // Quote rows of analyses show the quote's words and grades and score by its credibility.
    client.invalidateQueries({ queryKey: analysisKeys.all }),
    // The timeline grades its items by their quotes and places quotes at their source's date.
    client.invalidateQueries({ queryKey: timelineKeys.all }),
  ]).then(() => undefined)
}

export function useSourceList() {
  return useQuery({ queryKey: sourceKeys.list(), queryFn: () => call('sources.list', {}) })
}

export function useSource(id: string) {
  return useQuery({ queryKey: sourceKeys.detail(id), queryFn: () => call('sources.get', { id }) })
}

/** How often a running import is asked how far it has got (ms). */
const IMPORT_POLL_MS = 400

/**
 * How far the import `jobId` has got, asked again and again while it runs; null once it
 * has finished (its outcome comes with the import call itself).
 */
export function useImportProgress(jobId: string) {
  return useQuery({
    queryKey: sourceKeys.importProgress(jobId),
    queryFn: () => call('sources.importProgress', { jobId }),
    refetchInterval: (query) => (query.state.data === null ? false : IMPORT_POLL_MS),
  })
}

/** Stops an import: its call fails with code "cancelled" and nothing is added. */
export function cancelImport(jobId: string): Promise<{ cancelled: boolean }> {
  return call('sources.cancelImport', { jobId })
}

/** Annotations of a source whose words changed, waiting for the analyst. */
export function useReviewQueue(sourceId: string) {
  return useQuery({
    queryKey: annotationKeys.review(sourceId),
    queryFn: () => call('annotations.review', { sourceId }),
  })
}

export function useAnnotationTags() {
  return useQuery({
    queryKey: annotationKeys.tags(),
    queryFn: () => call('annotations.tags', {}),
  })
}

/** The relations and notes that use an annotation, named before it is deleted. */
export function useAnnotationDependents(id: string) {
  return useQuery({
    queryKey: annotationKeys.dependents(id),
    queryFn: () => call('annotations.dependents', { id }),
  })
}

/** One mutation hook per contract method, each refreshing the library afterwards. */
function useLibraryMutation<M extends MethodName>(method: M) {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<M>) => call(method, input),
    // Not awaited: the caller's own onSuccess must run before refetches remount its view.
    onSuccess: () => {
      void libraryChanged(client)
    },
  })
}

export const useImportFile = () => useLibraryMutation('sources.import')
export const usePasteSource = () => useLibraryMutation('sources.paste')
export const useUpdateSource = () => useLibraryMutation('sources.update')
export const useEditSourceText = () => useLibraryMutation('sources.editText')
export const useDeleteSource = () => useLibraryMutation('sources.delete')
export const useCreateAnnotation = () => useLibraryMutation('annotations.create')
export const useUpdateAnnotation = () => useLibraryMutation('annotations.update')
export const useDeleteAnnotation = () => useLibraryMutation('annotations.delete')
export const useAcceptAnchor = () => useLibraryMutation('annotations.accept')
export const useReselectAnchor = () => useLibraryMutation('annotations.reselect')

/**
 * Plain calls for the edit history (undo, redo), which replays edits outside any component:
 * each refreshes the library as the hooks do.
 */
export async function createAnnotation(
  input: MethodInput<'annotations.create'>,
): Promise<MethodOutput<'annotations.create'>> {
  const created = await call('annotations.create', input)
  await libraryChanged(queryClient)
  return created
}

export async function updateAnnotation(
  input: MethodInput<'annotations.update'>,
): Promise<MethodOutput<'annotations.update'>> {
  const updated = await call('annotations.update', input)
  await libraryChanged(queryClient)
  return updated
}

export async function deleteAnnotation(id: string): Promise<void> {
  await call('annotations.delete', { id })
  await libraryChanged(queryClient)
}

/**
 * "Support with a quote": makes a quote evidence for one attribute of an entity, by the rule
 * the evidence panel counts (the quote is linked to the entity and tagged with the attribute's
 * name). One update, so nothing is half-done.
 */
export function useSupportAttribute() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: async (input: { annotationId: string; entityId: string; attribute: string }) => {
      const { annotation } = await call('annotations.get', { id: input.annotationId })
      return call('annotations.update', {
        id: annotation.id,
        patch: {
          tags: annotation.tags.includes(input.attribute)
            ? annotation.tags
            : [...annotation.tags, input.attribute],
          entityIds: annotation.entityIds.includes(input.entityId)
            ? annotation.entityIds
            : [...annotation.entityIds, input.entityId],
        },
      })
    },
    onSuccess: () => {
      void libraryChanged(client)
    },
  })
}

export const useAddAsVersion = () => useLibraryMutation('sources.addAsVersion')
