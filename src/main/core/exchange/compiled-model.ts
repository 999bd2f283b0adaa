/**
 * The model's record schemas as an import checks them, compiled by zod (`z.compile`): a
 * valid record runs generated code, about a third of zod's parser here, and a refused one
 * falls back to that parser, so the result and the wording of a refusal stay zod's.
 * Compiled on first use, once per thread (the import runs in a worker).
 */
import { z } from 'zod'
import { Annotation, Entity, Relation, Report, SourceRecord } from '../../../shared/model'

function onFirstUse<T extends z.ZodType>(schema: T): () => T {
  let compiled: T | undefined
  return () => (compiled ??= z.compile(schema))
}

export const checked = {
  entity: onFirstUse(Entity),
  relation: onFirstUse(Relation),
  annotation: onFirstUse(Annotation),
  report: onFirstUse(Report),
  source: onFirstUse(SourceRecord),
}
