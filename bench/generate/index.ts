export { generateProject, type GeneratedProject, type GenerateOptions } from './generate'
export {
  DEFAULT_SEED,
  isPresetName,
  PRESET_NAMES,
  PRESETS,
  type PresetName,
  type ProjectCounts,
} from './presets'
export { writeProjectFolder, type WriteOptions, type WrittenProject } from './write'
