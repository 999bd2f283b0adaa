import { useRef, type KeyboardEvent } from 'react'
import type { SourceRecord } from '../../../../shared/model'
import { useSourceSuggestions } from '../../api/suggestions'
import { HistoryButtons } from '../../ui/HistoryButtons'
import { useUndoRedo } from '../../ui/use-undo-redo'
import { t } from '../../ui/i18n'

export type SideTab = 'annotations' | 'suggestions'

const TABS: SideTab[] = ['annotations', 'suggestions']

/**
 * What sits beside the text: the annotations or the suggestions, with the session's undo
 * and redo (Ctrl+Z takes back an accepted suggestion as one step).
 */
export function SideTabs({
  tab,
  onTab,
  annotationCount,
  source,
  onStatus,
}: {
  tab: SideTab
  onTab: (tab: SideTab) => void
  annotationCount: number
  source: SourceRecord
  onStatus: (message: string) => void
}) {
  // Read for the count only once the tab is opened (or already read after an import):
  // opening a source to annotate it costs no suggester run.
  const suggestions = useSourceSuggestions(source.id, source.contentHash, {
    enabled: tab === 'suggestions',
  })
  const { history, run } = useUndoRedo(onStatus)
  const buttons = useRef(new Map<SideTab, HTMLButtonElement | null>())
  const labels: Record<SideTab, string> = {
    annotations: t('reader.annotations3', { annotationCount }),
    suggestions: suggestions.data
      ? t('reader.suggestions2', { length: suggestions.data.suggestions.length })
      : t('reader.suggestions'),
  }
  // Arrow keys move between tabs, as in any tab list.
  const onKeyDown = (event: KeyboardEvent): void => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return
    const next = TABS[(TABS.indexOf(tab) + 1) % TABS.length]!
    onTab(next)
    buttons.current.get(next)?.focus()
  }
  return (
    <div className="reader-side-tabs">
      <div role="tablist" aria-label={t('reader.besideTheText')} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t}
            ref={(element) => {
              buttons.current.set(t, element)
            }}
            type="button"
            role="tab"
            aria-selected={tab === t}
            aria-controls={`reader-side-${t}`}
            tabIndex={tab === t ? 0 : -1}
            onClick={() => onTab(t)}
          >
            {labels[t]}
          </button>
        ))}
      </div>
      <div className="reader-side-history">
        <HistoryButtons
          history={history}
          onHistory={(command) => void run(command)}
          className="link-button"
        />
      </div>
    </div>
  )
}
