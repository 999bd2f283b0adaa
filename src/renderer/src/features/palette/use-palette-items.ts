import { useMemo } from 'react'
import { useAnalysisList } from '../../api/analyses'
import { useEntityList } from '../../api/entities'
import { useNoteList } from '../../api/notes'
import { useSourceList } from '../../api/sources'
import { runInView, useRegisteredCommands } from '../../ui/commands'
import { ENTITY_GRIDS } from '../../routes/entity-grids'
import { analysisHref, entityViewHref, noteHref, readerHref } from '../../routes/links'
import { VIEWS } from '../../routes/views'
import { commandItems, type PaletteItem } from './palette-items'
import { t } from '../../ui/i18n'

function go(href: string): () => void {
  return () => {
    window.location.hash = href
  }
}

const GRID_LABELS: Record<string, string> = Object.fromEntries(
  Object.values(ENTITY_GRIDS).map((grid) => [grid.type, grid.label]),
)

/**
 * Everything the palette can reach: the commands registered now (this view's and the
 * global ones), the other views' commands (the palette opens the view, which runs it), the
 * views, and the project's records from the data layer. Read only while the palette is open.
 */
export function usePaletteItems(): { items: PaletteItem[]; loading: boolean } {
  const commands = useRegisteredCommands()
  const entities = useEntityList({})
  const sources = useSourceList()
  const notes = useNoteList('')
  const analyses = useAnalysisList()

  const items = useMemo(() => {
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
    for (const entity of entities.data ?? []) {
      list.push({
        key: `entity:${entity.id}`,
        group: GRID_LABELS[entity.type] ?? t('palette.groups'),
        title: entity.name,
        detail: entity.aliases.length > 0 ? entity.aliases.join(', ') : undefined,
        keywords: entity.aliases,
        run: go(entityViewHref(entity.id, entity.type)),
      })
    }
    for (const { source } of sources.data ?? []) {
      list.push({
        key: `source:${source.id}`,
        group: t('palette.sources'),
        title: source.title,
        detail: [source.publisher, source.publishedAt].filter(Boolean).join(' · ') || undefined,
        run: go(readerHref(source.id)),
      })
    }
    for (const note of notes.data ?? []) {
      list.push({
        key: `note:${note.id}`,
        group: t('palette.notes'),
        title: note.title || t('palette.untitledNote'),
        run: go(noteHref(note.id)),
      })
    }
    for (const analysis of analyses.data ?? []) {
      list.push({
        key: `analysis:${analysis.id}`,
        group: t('palette.analyses'),
        title: analysis.question,
        run: go(analysisHref(analysis.id)),
      })
    }
    return list
  }, [commands, entities.data, sources.data, notes.data, analyses.data])

  const loading = [entities, sources, notes, analyses].some((query) => query.isPending)
  return { items, loading }
}
