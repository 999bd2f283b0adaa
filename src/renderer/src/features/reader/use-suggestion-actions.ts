import { useCallback, useState } from 'react'
import type { AcceptItem, Suggestion } from '../../../../shared/contract'
import {
  acceptSuggestions,
  undoAcceptSuggestions,
  useDismissSuggestions,
  useRestoreSuggestions,
} from '../../api/suggestions'
import { editHistory } from '../../ui/edit-history'
import { suggestionLabel } from './suggestion-model'
import { t } from '../../ui/i18n'

export interface SuggestionActions {
  /** Accepts the items in one step and records one undoable entry named `what`. */
  accept(items: AcceptItem[], what: string): Promise<void>
  dismiss(suggestions: readonly Suggestion[]): void
  restore(keys: string[]): void
  busy: boolean
}

/**
 * Accept, dismiss and restore for one source, each reporting on the reader's status line.
 * An accept is one entry in the session's edit history: its undo takes back exactly what
 * that accept created, its redo accepts the same items again.
 */
export function useSuggestionActions(
  sourceId: string,
  contentHash: string,
  onStatus: (message: string) => void,
): SuggestionActions {
  const [accepting, setAccepting] = useState(false)
  const dismissMutation = useDismissSuggestions()
  const restoreMutation = useRestoreSuggestions()

  const accept = useCallback(
    async (items: AcceptItem[], what: string) => {
      const input = { sourceId, contentHash, items }
      setAccepting(true)
      try {
        let receipt = await acceptSuggestions(input)
        editHistory.push({
          label: t('reader.acceptOf', { what }),
          undo: () => undoAcceptSuggestions(receipt),
          redo: async () => {
            receipt = await acceptSuggestions(input)
          },
        })
        onStatus(`${receipt.summary}. Ctrl+Z undoes it.`)
      } catch (error) {
        onStatus(t('reader.couldNotAccept', { message: (error as Error).message }))
      } finally {
        setAccepting(false)
      }
    },
    [sourceId, contentHash, onStatus],
  )

  const dismiss = useCallback(
    (suggestions: readonly Suggestion[]) =>
      dismissMutation.mutate(
        {
          sourceId,
          items: suggestions.map((s) => ({ key: s.key, label: suggestionLabel(s).slice(0, 500) })),
        },
        {
          onSuccess: () =>
            onStatus(
              suggestions.length === 1
                ? t('reader.dismissed2', { suggestionLabel: suggestionLabel(suggestions[0]!) })
                : t('reader.dismissedSuggestions', { length: suggestions.length }),
            ),
          onError: (error) => onStatus(t('reader.couldNotDismiss', { message: error.message })),
        },
      ),
    [dismissMutation, sourceId, onStatus],
  )

  const restore = useCallback(
    (keys: string[]) =>
      restoreMutation.mutate(
        { sourceId, keys },
        {
          onSuccess: () => onStatus(t('reader.theSuggestionIsBackInThe')),
          onError: (error) => onStatus(t('reader.couldNotRestore', { message: error.message })),
        },
      ),
    [restoreMutation, sourceId, onStatus],
  )

  return {
    accept,
    dismiss,
    restore,
    busy: accepting || dismissMutation.isPending || restoreMutation.isPending,
  }
}
