import { useQuery, type QueryFunctionContext } from '@tanstack/react-query'
import type { EntityRow } from '../../../../shared/contract'
import { call } from '../../api/client'
import { keys } from '../../api/queries'
import { beginTableLoad } from './rowSync'

/** The first page is small so a large grid paints at once; the rest follows in big pages. */
const FIRST_PAGE = 2_000
const NEXT_PAGE = 20_000

type TableKey = ReturnType<typeof keys.entityTable>

/**
 * Loads a grid's rows page by page. On a first load each page is shown as it arrives;
 * a reload of rows already on screen swaps them in at the end, matched by id.
 */
export async function loadEntityTable({
  queryKey,
  client,
}: QueryFunctionContext<TableKey>): Promise<EntityRow[]> {
  const type = queryKey[2]
  const showPages = client.getQueryData(queryKey) === undefined
  const load = beginTableLoad(type)
  const rows: EntityRow[] = []
  for (let offset = 0; ;) {
    const limit = offset === 0 ? FIRST_PAGE : NEXT_PAGE
    const page = await call('entities.tablePage', { type, offset, limit })
    for (const row of page.rows) rows.push(row)
    offset += page.rows.length
    if (offset >= page.total || page.rows.length === 0) return load.finish(rows)
    if (showPages) client.setQueryData(queryKey, load.reconcile(rows.slice()))
  }
}

/** A grid's rows, under the same key as `useEntityTable`, loaded in pages. */
export function useGridTable(type: string) {
  return useQuery({
    queryKey: keys.entityTable(type),
    queryFn: loadEntityTable,
    // Deep-comparing 100k rows on every reload costs more than it saves; the grid matches
    // rows by id itself.
    structuralSharing: false,
  })
}
