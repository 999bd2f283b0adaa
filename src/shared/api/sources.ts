import { z } from 'zod'
import { Annotation, Id, SourceRecord } from '../model'
import { method, NoInput } from './method'

export const SourceSummary = z.strictObject({
  source: SourceRecord,
  annotationCount: z.number().int().nonnegative(),
})
export type SourceSummary = z.infer<typeof SourceSummary>

export const SourceWithText = z.strictObject({
  source: SourceRecord,
  /** The normalized text every offset refers to. */
  text: z.string(),
  annotations: z.array(Annotation),
})
export type SourceWithText = z.infer<typeof SourceWithText>

export const sourceMethods = {
  /** Every source with its annotation count, newest first. */
  'sources.list': method(NoInput, z.array(SourceSummary)),
  /** One source with its normalized text and its annotations in text order. */
  'sources.get': method(z.strictObject({ id: Id }), SourceWithText),
} as const
