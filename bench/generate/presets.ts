/** How many records of each kind a generated project holds. */
export interface ProjectCounts {
  sources: number
  annotations: number
  entities: number
  relations: number
  notes: number
}

export const PRESET_NAMES = ['small', 'medium', 'large'] as const
export type PresetName = (typeof PRESET_NAMES)[number]

const MEDIUM: ProjectCounts = {
  sources: 2_000,
  annotations: 20_000,
  entities: 3_000,
  relations: 8_000,
  notes: 500,
}

/** small: a quick look; medium: years of one analyst's work; large: a team's archive (5× medium). */
export const PRESETS: Readonly<Record<PresetName, ProjectCounts>> = {
  small: { sources: 50, annotations: 500, entities: 300, relations: 800, notes: 20 },
  medium: MEDIUM,
  large: {
    sources: MEDIUM.sources * 5,
    annotations: MEDIUM.annotations * 5,
    entities: MEDIUM.entities * 5,
    relations: MEDIUM.relations * 5,
    notes: MEDIUM.notes * 5,
  },
}

export function isPresetName(name: string): name is PresetName {
  return (PRESET_NAMES as readonly string[]).includes(name)
}

export const DEFAULT_SEED = 1
