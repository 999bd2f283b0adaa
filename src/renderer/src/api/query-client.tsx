/**
 * The one query cache of the window. Hooks reach it through the provider; the few edits
 * made outside React (the grid's undo history, a note's background save) import it here.
 */
import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { ApiError } from './errors'
import { projectKeys } from './project'

/**
 * The main process can close the project on screen: one whose records fail the integrity
 * pass that runs just after it opens. The first answer "no project is open" while a project
 * is shown (the header's save poll asks every two seconds) resets every query, so the window
 * shows what it shows without a project: the recovery screen, with the reason and backups.
 */
export function forgetProjectWhenGone(client: QueryClient, error: unknown): void {
  if (!(error instanceof ApiError) || error.code !== 'no_project') return
  // Only while a project is shown: the recovery screen's own queries then fail the same way.
  if (client.getQueryState(projectKeys.info())?.status !== 'success') return
  void client.resetQueries()
}

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: { staleTime: 30_000, retry: false, refetchOnWindowFocus: false },
  },
  queryCache: new QueryCache({ onError: (error) => forgetProjectWhenGone(queryClient, error) }),
  mutationCache: new MutationCache({
    onError: (error) => forgetProjectWhenGone(queryClient, error),
  }),
})

export function ServerStateProvider({ children }: { children: ReactNode }) {
  return <QueryClientProvider client={queryClient}>{children}</QueryClientProvider>
}
