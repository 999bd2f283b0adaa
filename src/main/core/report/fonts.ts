import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The bundled faces, embedded as data: URLs so a report is one file that prints the same
 * anywhere: Noto Sans for Latin script, Noto Naskh Arabic for Dari and Pashto. The
 * @font-face rules (with their unicode-range, so Chromium picks a face per character)
 * are taken from the @fontsource packages' own CSS; only the subsets named here are kept.
 */
const WANTED: { pkg: string; css: string; subsets: string[] }[] = [
  { pkg: '@fontsource/noto-sans', css: '400.css', subsets: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans', css: '700.css', subsets: ['latin', 'latin-ext'] },
  { pkg: '@fontsource/noto-sans', css: '400-italic.css', subsets: ['latin'] },
  { pkg: '@fontsource/noto-sans', css: '700-italic.css', subsets: ['latin'] },
  { pkg: '@fontsource/noto-naskh-arabic', css: '400.css', subsets: ['arabic'] },
  { pkg: '@fontsource/noto-naskh-arabic', css: '700.css', subsets: ['arabic'] },
]

const FACE_BLOCK = /\/\*\s*([a-z0-9-]+)\s*\*\/\s*@font-face\s*\{([^}]*)\}/g

let cached: string | undefined

/** The @font-face rules of every bundled face, fonts inlined (about 350 KB of CSS). */
export function embeddedFontFaces(): string {
  cached ??= WANTED.map(loadFaces).join('\n')
  return cached
}

function loadFaces({ pkg, css, subsets }: (typeof WANTED)[number]): string {
  const require = createRequire(import.meta.url)
  const cssPath = require.resolve(`${pkg}/${css}`)
  const folder = dirname(cssPath)
  const family = pkg.slice(pkg.indexOf('/') + 1)
  const text = readFileSync(cssPath, 'utf8')
  const rules: string[] = []
  for (const [, name, body] of text.matchAll(FACE_BLOCK)) {
    if (!name || !body) continue
    // "noto-sans-latin-ext-400-normal" -> "latin-ext"
    const subset = name.slice(family.length + 1).replace(/-\d{3}-(normal|italic)$/, '')
    if (!subsets.includes(subset)) continue
    const file = /url\(\.\/(files\/[^)]+\.woff2)\)/.exec(body)?.[1]
    if (!file) continue
    const data = readFileSync(join(folder, file)).toString('base64')
    const declarations = body
      .split(';')
      .map((d) => d.trim())
      .filter((d) => d !== '' && !d.startsWith('src:') && !d.startsWith('font-display'))
    rules.push(
      `@font-face{${declarations.join(';')};font-display:block;src:url(data:font/woff2;base64,${data}) format('woff2')}`,
    )
  }
  if (rules.length === 0) throw new Error(`No font faces found in ${cssPath}`)
  return rules.join('\n')
}
