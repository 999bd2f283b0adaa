import { useMemo } from 'react'
import type { RecordHit } from '../../../../shared/contract'
import { useRecordSearch } from '../../api/search'
import { runInView, useRegisteredCommands } from '../../ui/commands'
import { ENTITY_GRIDS } from '../../routes/entity-grids'
import { analysisHref, entityViewHref, noteHref, readerHref } from '../../routes/links'
import { VIEWS } from '../../routes/views'
import { commandItems, RESULT_LIMIT, type PaletteItem } from './palette-items'
import { useSettledText } from './use-settled-text'
import { t } from '../../ui/i18n'

/** Keystrokes closer together than this ask the main process once. */
const TYPING_PAUSE_MS = 30

function go(href: string): () => void {
  return () => {
    window.location.hash = href
  }
}

const GRID_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(ENTITY_GRIDS).map((grid) => [grid.type, grid.label]),
)

/** A record the main process found, as the palette lists and opens it. */
export function recordItem(hit: RecordHit): PaletteItem {
  const detail = hit.detail ? { detail: hit.detail } : {}
  switch (hit.kind) {
    case 'entity':
      return {
        key: `entity:${hit.id}`,
        group: GRID_LABELS[hit.entityType ?? ''] ?? t('palette.groups'),
        title: hit.title,
        ...detail,
        run: go(entityViewHref(hit.id, hit.entityType ?? 'group')),
      }
    case 'source':
      return {
        key: `source:${hit.id}`,
        group: t('palette.sources'),
        title: hit.title,
        ...detail,
        run: go(readerHref(hit.id)),
      }
    case 'note':
      return {
        key: `note:${hit.id}`,
        group: t('palette.notes'),
        title: hit.title || t('palette.untitledNote'),
        run: go(noteHref(hit.id)),
      }
    case 'analysis':
      return {
        key: `analysis:${hit.id}`,
        group: t('palette.analyses'),
        title: hit.title,
        run: go(analysisHref(hit.id)),
      }
  }
}

/**
 * What the palette matches in the renderer: the commands registered now (this view's and
 * the global ones), the other views' commands (the palette opens the view, which runs it),
 * and the views. A few hundred at most, so Fuse.js matches them at every keystroke.
 */
export function useCommandAndViewItems(): PaletteItem[] {
  const commands = useRegisteredCommands()
  return useMemo(() => {
    const registered = new Set(commands.map((command) => command.id))
    const list: PaletteItem[] = commandItems(commands)
    for (const view of VIEWS) {
      for (const command of view.commands) {
        if (registered.has(command.id)) continue
        list.push({
          key: `view-command:${view.id}:${command.id}`,
          group: t('palette.commands'),
          title: command.title,
          detail: view.label,
          run: () => runInView(view.id, command.id),
        })
      }
      list.push({
        key: `view:${view.id}`,
        group: t('palette.goTo'),
        title: view.label,
        detail: t('palette.view'),
        run: go(`#/${view.id}`),
      })
    }
    return list
  }, [commands])
}

/**
 * The project's records whose names match what is typed: entities, sources, notes and
 * analyses, looked up in the main process's index once typing pauses, so a project of
 * 100,000 records is never copied into the renderer or scanned at a keystroke.
 */
export function useRecordItems(query: string): { items: PaletteItem[]; loading: boolean } {
  const settled = useSettledText(query, TYPING_PAUSE_MS)
  const records = useRecordSearch(settled, RESULT_LIMIT)
  const items = useMemo(
    () => (settled.trim() === '' ? [] : (records.data?.records ?? []).map(recordItem)),
    [settled, records.data],
  )
  const typing = settled !== query
  return { items, loading: query.trim() !== '' && (typing || records.isFetching) }
}
