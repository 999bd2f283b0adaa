/**
 * The words of the model's fixed values in the analyst's language: Admiralty grades, entity
 * types, relation types and the kinds of the enum attributes (locales/<language>/model.json).
 * The English wording stays in src/shared/admiralty.ts for the main process (reports, exports);
 * here it is the fallback when a value has no message.
 */
import {
  CREDIBILITY_LABELS as ENGLISH_CREDIBILITY,
  RELIABILITY_LABELS as ENGLISH_RELIABILITY,
} from '../../../shared/admiralty'
import type { Reliability } from '../../../shared/model'
import { t } from './i18n'

function translated<K extends string | number>(
  group: string,
  english: Readonly<Record<K, string>>,
): Readonly<Record<K, string>> {
  return Object.fromEntries(
    Object.entries(english).map(([value, words]) => [
      value,
      t(`model.${group}.${value}`, { defaultValue: words }),
    ]),
  ) as Record<K, string>
}

export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = translated(
  'reliability',
  ENGLISH_RELIABILITY,
)
export const CREDIBILITY_LABELS: Readonly<Record<number, string>> = translated(
  'credibility',
  ENGLISH_CREDIBILITY,
)

/** The words of a reliability grade; undefined for anything but A–F. */
export function reliabilityLabel(grade: string): string | undefined {
  return Object.hasOwn(RELIABILITY_LABELS, grade)
    ? RELIABILITY_LABELS[grade as Reliability]
    : undefined
}

/** The words of a credibility grade; undefined for anything but 1–6. */
export function credibilityLabel(grade: number): string | undefined {
  return Object.hasOwn(CREDIBILITY_LABELS, grade) ? CREDIBILITY_LABELS[grade] : undefined
}

/** "Group", "گروه"; a project's own type keeps the English built from its name. */
export function entityTypeLabel(type: string, english: string): string {
  return t(`model.type.${type}`, { defaultValue: english })
}

/** "member of", "عضو". */
export function relationTypeLabel(type: string, english: string): string {
  return t(`model.relation.${type}`, { defaultValue: english })
}

/** How a relation reads in a sentence, "<from> <phrase> <to>": "is allied with", "متحد با". */
export function relationPhrase(type: string, english: string): string {
  return t(`model.phrase.${type}`, { defaultValue: english })
}

/** A value of an enum attribute ("guerrilla-warfare") in words; `english` where none is known. */
export function enumValueLabel(value: string, english: string): string {
  return t(`model.enum.${value}`, { defaultValue: english })
}
