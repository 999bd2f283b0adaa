/**
 * The English of the refusals the main process words for the analyst, keyed so the window can
 * show them in the language in force. The main process sends the English (for the log and for
 * any client that does not translate) together with the key and its values; the renderer looks
 * the key up in its own messages (namespace "errors", Dari in locales/fa-AF/errors.json) and
 * takes these as the English ones, so each sentence is written once.
 *
 * Placeholders are i18next's `{{name}}`. A value named `kind` is itself a key of `kinds`, so
 * the noun is translated too.
 */

export const ERROR_TEXTS = {
  /** A headline for each error code: what the analyst reads before an untranslated detail. */
  code: {
    unknown_method: 'Sightline does not know this request.',
    invalid_input: 'This was refused.',
    not_found: 'Not found.',
    conflict: 'This clashes with a change made meanwhile.',
    no_project: 'No project is open.',
    storage: 'Not saved to disk.',
    payload_too_large: 'Too large.',
    forbidden: 'Not allowed.',
    unavailable: 'Not available here.',
    cancelled: 'Cancelled.',
    internal: 'Something went wrong.',
  },
  kinds: {
    analysis: 'analysis',
    annotation: 'annotation',
    entity: 'entity',
    'evidence row': 'evidence row',
    hypothesis: 'hypothesis',
    note: 'note',
    quote: 'quote',
    relation: 'relation',
    report: 'report',
    source: 'source',
  },
  notFound: 'No {{kind}} with id "{{id}}" in this project.',
  unexpected: 'An unexpected error stopped {{method}}; the details are in the log.',
  noProjectOpen: 'No project is open.',
  noSampleProject: 'No sample project is available.',
  noBackups: '{{folder}} has no backups.',
  notABackupName: '"{{id}}" is not a backup name.',
  noSuchBackup: 'There is no backup {{id}}.',
  backupNotWritten: 'The backup could not be written: {{reason}}. The project itself is unchanged.',
  recordIdTaken: 'The project already holds a record with id "{{id}}".',
  relationEndsBeforeStart:
    'This relation was not saved: it cannot end ({{end}}) before it starts ({{start}}).',
  selectionOutsideText: 'The selection is outside the text of this source.',
  selectionTextChanged:
    'The text of this source changed since you opened it; reload it and select the passage again.',
  selectionWordsMoved:
    'The selected words do not match the text of this source at that place; reload it and select again.',
  reviewTextChanged: 'The text changed; reload and review again.',
  sourceTextChanged:
    'The text of this source changed since you opened it; reload it and make your change again.',
  pastedTextEmpty: 'The pasted text is empty; there is nothing to add.',
  sourceVersionOfItself: 'A source cannot be a version of itself.',
  sourceTextEmpty: 'The text cannot be empty; delete the source instead.',
  noteChangedElsewhere:
    '“{{title}}” was changed elsewhere since you opened it; your version was not saved over it.',
  reportTitleAmbiguous: '{{count}} reports are titled "{{title}}"; give the id instead.',
  noReportNamed: 'No report with id or title "{{title}}" in this project.',
  noPdfPrinter: 'This copy of Sightline has no PDF printer: export HTML instead.',
  reportSectionIdTwice: 'Two sections of this report have the id "{{id}}".',
  timelineEndsBeforeStart:
    'The timeline section cannot end ({{end}}) before it starts ({{start}}).',
  entityTwiceToRestore: 'The same entity appears twice in what to restore.',
  entityIdTaken: '"{{name}}" cannot be restored: the project already holds a record with its id.',
  relationIdTaken: 'A relation with id "{{id}}" already exists.',
  entityLinkGone:
    '"{{name}}" cannot be restored with all its relations: an entity it was linked to is gone.',
  analysisExists: 'This analysis is in the project already.',
  hypothesisInAnalysis: '“{{title}}” is in this analysis already.',
  evidenceRowExists: 'The evidence row "{{id}}" is in the project already.',
  quoteRowFromQuote:
    'A quote row takes its text and credibility from the quote; edit the quote in the reader.',
  rowsOfOneAnalysis: 'Every row to restore must belong to the analysis.',
  restoreOneAnalysis: 'Rows are restored to one analysis at a time.',
  tooManyHypotheses: 'An analysis weighs at most {{max}} hypotheses; this one has them all.',
  suggestionSentenceGone:
    'The sentence of this suggestion is no longer in the text; reload the suggestions.',
  suggestionsRecomputed:
    'The text of this source changed since the suggestions were made; they have been recomputed.',
  eventParticipants: 'The participants of an event are groups and people.',
  relationSelfLink: 'A relation links two different entities.',
  pngAsBase64: 'The PNG image must be sent as base64.',
  notPng: 'This is not a PNG image.',
  notSvg: 'This is not an SVG image.',
} as const

type Catalogue = typeof ERROR_TEXTS
/** A sentence of the catalogue: every key but the two tables. */
export type ErrorTextKey = Exclude<keyof Catalogue, 'code' | 'kinds'>
export type ErrorKind = keyof Catalogue['kinds']
export type ErrorTextValues = Readonly<Record<string, string | number>>

/** What the renderer needs to word an error in its own language. */
export interface ErrorText {
  key: ErrorTextKey
  values?: ErrorTextValues
}

export function isErrorTextKey(key: string): key is ErrorTextKey {
  return key !== 'code' && key !== 'kinds' && Object.hasOwn(ERROR_TEXTS, key)
}

/** The English of a keyed error, its placeholders filled in (an unknown one is left as is). */
export function englishErrorText({ key, values = {} }: ErrorText): string {
  return ERROR_TEXTS[key].replace(/\{\{(\w+)\}\}/g, (whole, name: string) => {
    const value = values[name]
    if (value === undefined) return whole
    if (name === 'kind' && Object.hasOwn(ERROR_TEXTS.kinds, value)) {
      return ERROR_TEXTS.kinds[value as ErrorKind]
    }
    return String(value)
  })
}
