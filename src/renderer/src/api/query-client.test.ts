import { QueryCache, QueryClient } from '@tanstack/react-query'
import { afterEach, describe, expect, it } from 'vitest'
import { ApiError } from './errors'
import { projectKeys } from './project'
import { forgetProjectWhenGone } from './query-client'

const clients: QueryClient[] = []
afterEach(() => clients.splice(0).forEach((client) => client.clear()))

/** A cache wired as the window's is, with a project on screen (or none). */
function windowCache(projectShown: boolean): QueryClient {
  const client: QueryClient = new QueryClient({
    defaultOptions: { queries: { retry: false } },
    queryCache: new QueryCache({ onError: (error) => forgetProjectWhenGone(client, error) }),
  })
  clients.push(client)
  if (projectShown) client.setQueryData(projectKeys.info(), { project: { name: 'Shown' } })
  client.setQueryData(['entities', 'list'], ['cached rows'])
  return client
}

const failWith = (code: 'no_project' | 'storage') => (): Promise<never> =>
  Promise.reject(new ApiError({ code, message: `${code} refusal` }))

describe('a project the main process closed while it was on screen', () => {
  it('resets every query at the first "no project" answer, so the window shows the recovery screen', async () => {
    const client = windowCache(true)
    await client
      .fetchQuery({ queryKey: projectKeys.saveState(), queryFn: failWith('no_project') })
      .catch(() => undefined)
    expect(client.getQueryData(projectKeys.info())).toBeUndefined()
    expect(client.getQueryData(['entities', 'list'])).toBeUndefined()
  })

  it('leaves the cache alone for any other refusal', async () => {
    const client = windowCache(true)
    await client
      .fetchQuery({ queryKey: projectKeys.saveState(), queryFn: failWith('storage') })
      .catch(() => undefined)
    expect(client.getQueryData(projectKeys.info())).toEqual({ project: { name: 'Shown' } })
    expect(client.getQueryData(['entities', 'list'])).toEqual(['cached rows'])
  })

  it('does nothing while no project is shown: the recovery screen’s own refusals do not loop', async () => {
    const client = windowCache(false)
    await client
      .fetchQuery({ queryKey: projectKeys.info(), queryFn: failWith('no_project') })
      .catch(() => undefined)
    expect(client.getQueryState(projectKeys.info())?.status).toBe('error')
    expect(client.getQueryData(['entities', 'list'])).toEqual(['cached rows'])
  })
})
