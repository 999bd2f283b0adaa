import type { exchangeMethods } from '../../../shared/api/exchange'
import {
  applyImport,
  cancelExchange,
  exchangeProgress,
  exportStix,
  exportW3c,
  previewImport,
  receiveUpload,
} from '../services/exchange'
import type { Handlers } from './types'

export const exchangeHandlers: Handlers<typeof exchangeMethods> = {
  'exchange.stixExport': (input, ws) => exportStix(ws.current, input),
  'exchange.w3cExport': (input, ws) => exportW3c(ws.current, input),
  'exchange.upload': (input) => receiveUpload(input),
  'exchange.preview': (input, ws) => previewImport(ws, input),
  'exchange.apply': (input, ws) => applyImport(ws, input),
  'exchange.progress': ({ jobId }) => exchangeProgress(jobId),
  'exchange.cancel': ({ jobId }) => cancelExchange(jobId),
}
