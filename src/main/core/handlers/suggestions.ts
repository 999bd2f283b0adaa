import type { suggestionMethods } from '../../../shared/api/suggestions'
import {
  acceptSuggestions,
  dismissSuggestions,
  restoreSuggestions,
  suggestionsForSource,
  undoAccept,
} from '../services/suggestions'
import type { Handlers } from './types'

export const suggestionHandlers: Handlers<typeof suggestionMethods> = {
  'suggestions.forSource': ({ sourceId }, ws) => suggestionsForSource(ws.current, sourceId),
  'suggestions.accept': (input, ws) => acceptSuggestions(ws.current, input),
  'suggestions.undoAccept': (input, ws) => undoAccept(ws.current, input),
  'suggestions.dismiss': (input, ws) => dismissSuggestions(ws.current, input),
  'suggestions.restore': (input, ws) => restoreSuggestions(ws.current, input),
}
