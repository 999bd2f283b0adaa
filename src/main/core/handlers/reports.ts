import type { reportMethods } from '../../../shared/api/reports'
import {
  createReport,
  deleteReport,
  getReport,
  listReports,
  reportChoices,
  reportHtml,
  reportMarkdown,
  reportPdf,
  updateReport,
} from '../services/reports'
import { parseAllNotes } from '../services/notes'
import type { Handlers } from './types'

export const reportHandlers: Handlers<typeof reportMethods> = {
  'reports.list': (_, ws) => listReports(ws.current),
  'reports.get': ({ id }, ws) => getReport(ws.current, id),
  'reports.create': (input, ws) => createReport(ws.current, input),
  'reports.update': (input, ws) => updateReport(ws.current, input),
  'reports.delete': ({ id }, ws) => deleteReport(ws.current, id),
  'reports.choices': async (_, ws) => {
    await parseAllNotes(ws.current)
    return reportChoices(ws.current)
  },
  'reports.html': ({ id }, ws) => reportHtml(ws.current, id),
  'reports.markdown': ({ id }, ws) => reportMarkdown(ws.current, id),
  'reports.pdf': (input, ws) => reportPdf(ws.current, input, ws.options.printPdf),
}
