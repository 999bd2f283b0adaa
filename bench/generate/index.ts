export { generateProject, type GeneratedProject } from './generate'
export { DEFAULT_SEED, isPresetName, PRESET_NAMES, PRESETS, type ProjectCounts } from './presets'
export { writeProjectFolder } from './write'
