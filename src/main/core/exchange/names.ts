import { foldForMatching } from '../../../shared/match-text'

/** How names are compared when an import looks for the entity a record already is. */

/**
 * Case, accents, runs of spaces and Arabic-script keyboard variants do not count: "Ahmad
 * Massoud" = "ahmad  massoud" = "AHMAD MASSÖUD", "كابل" = "کابل". Latin transliterations
 * ("Masood") are not merged here: an import must not fold two people into one on a guess;
 * the entity panel offers them as aliases instead.
 */
export function nameKey(name: string): string {
  return foldForMatching(name).replace(/\s+/g, ' ').trim()
}
