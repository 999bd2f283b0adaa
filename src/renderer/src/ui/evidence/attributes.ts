import { t } from '../i18n'
const LABELS: Record<string, string> = {
  estimatedStrength: t('ui.strength'),
  placeKind: t('ui.kindOfPlace'),
  communityKind: t('ui.kindOfCommunity'),
  iso3166Code: 'ISO 3166-2 code',
  gazetteerId: t('ui.gazetteerEntry'),
}

/** "firstSeen" -> "First seen". */
export function attributeLabel(key: string): string {
  const known = LABELS[key]
  if (known) return known
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[-_]+/g, ' ')
    .toLowerCase()
  return words.charAt(0).toUpperCase() + words.slice(1)
}

/** An attribute's value as text: "guerrilla-warfare" -> "Guerrilla warfare", lists joined. */
export function attributeText(value: unknown): string {
  if (Array.isArray(value)) return value.map(String).join(', ')
  if (typeof value === 'string' && /^[a-z]+(-[a-z]+)+$|^[a-z]+$/.test(value)) {
    const words = value.replace(/-/g, ' ')
    return words.charAt(0).toUpperCase() + words.slice(1)
  }
  return String(value)
}
