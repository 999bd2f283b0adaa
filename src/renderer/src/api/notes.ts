/**
 * Notes: queries and mutations over the notes rows of the contract. Backlinks and the
 * resolution of citations are cheap and depend on annotations other views edit, so they
 * are always refetched when a view mounts (staleTime 0).
 */
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query'
import type { MethodInput } from '../../../shared/contract'
import type { Note } from '../../../shared/model'
import { call } from './client'
import { queryClient } from './query-client'
import { reportKeys } from './reports'

export const noteKeys = {
  all: ['notes'] as const,
  lists: () => [...noteKeys.all, 'list'] as const,
  list: (q: string) => [...noteKeys.lists(), q] as const,
  detail: (id: string) => [...noteKeys.all, 'detail', id] as const,
  resolve: (annotationIds: readonly string[], entityIds: readonly string[]) =>
    [...noteKeys.all, 'resolve', annotationIds, entityIds] as const,
  backlinks: () => [...noteKeys.all, 'backlinks'] as const,
  citing: (annotationId: string) => [...noteKeys.backlinks(), 'citing', annotationId] as const,
  mentioning: (entityId: string) => [...noteKeys.backlinks(), 'mentioning', entityId] as const,
  quoteSuggestions: (q: string) => [...noteKeys.all, 'quote-suggestions', q] as const,
}

export function useNoteList(q: string) {
  return useQuery({
    queryKey: noteKeys.list(q),
    queryFn: () => call('notes.list', q ? { q } : {}),
    placeholderData: keepPreviousData,
  })
}

export function useNote(id: string) {
  return useQuery({
    queryKey: noteKeys.detail(id),
    queryFn: () => call('notes.get', { id }),
    // Opening a note reads the stored version; after that the editor owns the text.
    refetchOnMount: 'always',
    staleTime: Infinity,
  })
}

/** What the citations and mentions of a body point to (quote, source, grade; or missing). */
export function useResolvedLinks(annotationIds: readonly string[], entityIds: readonly string[]) {
  return useQuery({
    queryKey: noteKeys.resolve(annotationIds, entityIds),
    queryFn: () =>
      call('notes.resolve', { annotationIds: [...annotationIds], entityIds: [...entityIds] }),
    enabled: annotationIds.length + entityIds.length > 0,
    placeholderData: keepPreviousData,
    staleTime: 0,
  })
}

/** Notes that cite an annotation: its backlinks. */
export function useNotesCiting(annotationId: string) {
  return useQuery({
    queryKey: noteKeys.citing(annotationId),
    queryFn: () => call('notes.citing', { annotationId }),
    staleTime: 0,
  })
}

/** Notes that mention an entity. */
export function useNotesMentioning(entityId: string) {
  return useQuery({
    queryKey: noteKeys.mentioning(entityId),
    queryFn: () => call('notes.mentioning', { entityId }),
    staleTime: 0,
  })
}

export function useQuoteSuggestions(q: string, enabled: boolean) {
  return useQuery({
    queryKey: noteKeys.quoteSuggestions(q),
    queryFn: () => call('notes.quoteSuggestions', { q, limit: 8 }),
    enabled,
    placeholderData: keepPreviousData,
    staleTime: 5_000,
  })
}

/** After a note changed: the list, backlinks and the note itself, everywhere. */
function noteChanged(client: QueryClient, note: Note): void {
  client.setQueryData(noteKeys.detail(note.id), note)
  void client.invalidateQueries({ queryKey: noteKeys.lists() })
  void client.invalidateQueries({ queryKey: noteKeys.backlinks() })
  // Reports print notes: their choices and previews follow the note.
  void client.invalidateQueries({ queryKey: reportKeys.all })
}

/**
 * Stores an editor's draft (the editor saves in the background, outside React). With
 * `baseUpdatedAt`, a note changed elsewhere since is refused rather than overwritten.
 */
export async function saveNote(
  id: string,
  draft: Pick<Note, 'title' | 'body'>,
  baseUpdatedAt?: string,
): Promise<Note> {
  const saved = await call('notes.update', {
    id,
    title: draft.title,
    body: draft.body,
    ...(baseUpdatedAt ? { baseUpdatedAt } : {}),
  })
  noteChanged(queryClient, saved)
  return saved
}

export function useCreateNote() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'notes.create'>) => call('notes.create', input),
    onSuccess: (note) => noteChanged(client, note),
  })
}

export function useDeleteNote() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (id: string) => call('notes.delete', { id }),
    onSuccess: ({ id }) => {
      client.removeQueries({ queryKey: noteKeys.detail(id) })
      void client.invalidateQueries({ queryKey: noteKeys.all })
      void client.invalidateQueries({ queryKey: reportKeys.all })
    },
  })
}

export function useCiteInNote() {
  const client = useQueryClient()
  return useMutation({
    mutationFn: (input: MethodInput<'notes.cite'>) => call('notes.cite', input),
    onSuccess: ({ note }) => noteChanged(client, note),
  })
}
