import { execFileSync } from 'node:child_process'

/** The text of a PDF (or of the pages `-f`/`-l` choose), as a reader copying it would get it. */
export function pdftotext(file: string, args: string[] = []): string {
  return execFileSync('pdftotext', [...args, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' })
}

/** The number of the first page whose text holds the needle; 0 when none does. */
export function pageContaining(pdfPath: string, needle: string): number {
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfPath], { encoding: 'utf8' }))?.[1],
  )
  for (let n = 1; n <= pages; n++) {
    if (pdftotext(pdfPath, ['-f', String(n), '-l', String(n)]).includes(needle)) return n
  }
  return 0
}

/**
 * Arabic-script text as pdftotext gives it, for comparing letter by letter: without the bidi
 * embedding marks it wraps runs in and the spaces it puts wherever shaped glyphs sit apart.
 */
export function joinArabicRuns(text: string): string {
  return text
    .replace(/[\u202a-\u202e]/g, '')
    .replace(/(?<=\p{Script=Arabic})\s+(?=\p{Script=Arabic})/gu, '')
}
