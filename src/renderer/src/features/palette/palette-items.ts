/**
 * What the palette offers and how it matches: the registered commands, the commands of the
 * views that are not open (run once the view opens), the views, and every record by name,
 * fuzzy-matched with Fuse.js on titles and the words a record is also known by (aliases).
 */
import Fuse from 'fuse.js'
import type { Command } from '../../ui/commands'
import { t } from '../../ui/i18n'

export interface PaletteItem {
  /** Unique among the items: "command:notes.new", "record:grp-nff". */
  key: string
  /** The heading it is listed under: "Commands", "Go to", "Groups", "Sources", … */
  group: string
  title: string
  /** A second, quieter line: the view a command belongs to, a record's kind. */
  detail?: string
  keywords?: readonly string[]
  keys?: readonly string[]
  disabled?: boolean
  run: () => void
}

/** The order groups are listed in; a group not named here comes last. */
export const GROUP_ORDER = [
  t('palette.commands'),
  t('palette.goTo'),
  t('palette.groups'),
  t('palette.people'),
  t('palette.places'),
  t('palette.communities'),
  t('palette.events'),
  t('palette.sources'),
  t('palette.notes'),
  t('palette.analyses'),
] as const

/** Most results shown at once: enough to browse, few enough to draw at every keystroke. */
export const RESULT_LIMIT = 60

export function commandItems(commands: readonly Command[]): PaletteItem[] {
  return commands.map((command) => ({
    key: `command:${command.id}`,
    group: t('palette.commands'),
    title: command.title,
    detail: command.scope,
    ...(command.keywords ? { keywords: command.keywords } : {}),
    ...(command.keys ? { keys: command.keys } : {}),
    ...(command.disabled ? { disabled: true } : {}),
    run: command.run,
  }))
}

/**
 * The matcher over a fixed list of items. Titles weigh more than keywords; where a word
 * falls in the title does not matter ("front" finds "National Freedom Front").
 */
export function paletteMatcher(items: readonly PaletteItem[]): (query: string) => PaletteItem[] {
  const fuse = new Fuse(items, {
    keys: [
      { name: 'title', weight: 2 },
      { name: 'keywords', weight: 1 },
    ],
    threshold: 0.35,
    ignoreLocation: true,
  })
  return (query) => {
    const text = query.trim()
    if (text === '')
      return items.filter(
        (item) => item.group === t('palette.commands') || item.group === t('palette.goTo'),
      )
    return fuse.search(text, { limit: RESULT_LIMIT }).map((result) => result.item)
  }
}

/** Results under their group headings, groups in GROUP_ORDER, each keeping match order. */
export function groupResults(
  results: readonly PaletteItem[],
): { group: string; items: PaletteItem[] }[] {
  const groups = new Map<string, PaletteItem[]>()
  for (const item of results) {
    const list = groups.get(item.group)
    if (list) list.push(item)
    else groups.set(item.group, [item])
  }
  const rank = (group: string): number => {
    const index = (GROUP_ORDER as readonly string[]).indexOf(group)
    return index === -1 ? GROUP_ORDER.length : index
  }
  return [...groups.entries()]
    .sort(([a], [b]) => rank(a) - rank(b))
    .map(([group, items]) => ({ group, items }))
}
