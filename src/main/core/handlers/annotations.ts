import type { annotationMethods } from '../../../shared/api/annotations'
import {
  acceptAnchor,
  annotationDependents,
  annotationTags,
  createAnnotation,
  deleteAnnotation,
  getAnnotation,
  reselectAnchor,
  reviewQueue,
  updateAnnotation,
} from '../services/annotations'
import type { Handlers } from './types'

export const annotationHandlers: Handlers<typeof annotationMethods> = {
  'annotations.get': ({ id }, ws) => getAnnotation(ws.current, id),
  'annotations.create': (input, ws) => createAnnotation(ws.current, input),
  'annotations.update': (input, ws) => updateAnnotation(ws.current, input),
  'annotations.dependents': ({ id }, ws) => annotationDependents(ws.current, id),
  'annotations.delete': ({ id }, ws) => deleteAnnotation(ws.current, id),
  'annotations.accept': ({ id }, ws) => acceptAnchor(ws.current, id),
  'annotations.reselect': (input, ws) => reselectAnchor(ws.current, input),
  'annotations.review': (input, ws) => reviewQueue(ws.current, input),
  'annotations.tags': (_, ws) => annotationTags(ws.current),
}
