/**
 * The Admiralty (NATO) grading of evidence in words: source reliability A–F and information
 * credibility 1–6, in the standard wording. Every view and the reports take their labels
 * from here, so a grade reads the same wherever it is shown. Labels are in sentence case;
 * inside a sentence, lower-case them.
 */
import type { Reliability } from './model'

export const RELIABILITY_LABELS: Readonly<Record<Reliability, string>> = {
  A: 'Completely reliable',
  B: 'Usually reliable',
  C: 'Fairly reliable',
  D: 'Not usually reliable',
  E: 'Unreliable',
  F: 'Reliability cannot be judged',
}

export const CREDIBILITY_LABELS: Readonly<Record<number, string>> = {
  1: 'Confirmed by other sources',
  2: 'Probably true',
  3: 'Possibly true',
  4: 'Doubtful',
  5: 'Improbable',
  6: 'Truth cannot be judged',
}

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
