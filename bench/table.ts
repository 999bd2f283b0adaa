/** The one table `npm run bench` prints, and each line's verdict against its target. */
import type { Measurement, Target } from './types'

export type Verdict = 'pass' | 'MISSED' | ''

export function verdict(m: Measurement): Verdict {
  if (!m.target) return ''
  const figure = m.target.of === 'ratio' ? m.ratio : m.value
  if (figure === undefined || !Number.isFinite(figure)) return 'MISSED'
  return meets(figure, m.target) ? 'pass' : 'MISSED'
}

function meets(figure: number, { op, limit }: Target): boolean {
  switch (op) {
    case '<=':
      return figure <= limit
    case '<':
      return figure < limit
    case '>=':
      return figure >= limit
    case '>':
      return figure > limit
  }
}

const OPS: Record<Target['op'], string> = { '<=': '≤', '<': '<', '>=': '≥', '>': '>' }

function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value)
  const abs = Math.abs(value)
  const digits = abs >= 100 || Number.isInteger(value) ? 0 : abs >= 10 ? 1 : 2
  return value.toFixed(digits)
}

function targetText(m: Measurement): string {
  if (!m.target) return ''
  const { of, op, limit } = m.target
  return of === 'ratio' ? `${OPS[op]} ${limit}×` : `${OPS[op]} ${limit} ${m.unit}`
}

export interface TableRow {
  suite: string
  measurement: Measurement
}

/** Renders the rows as an aligned text table, with the notes numbered beneath it. */
export function renderTable(rows: readonly TableRow[]): string {
  const header = ['name', 'value', 'unit', 'floor (name = value)', 'ratio', 'target', 'result']
  const notes: string[] = []
  const body = rows.map(({ suite, measurement: m }) => {
    let name = `${suite}: ${m.name}`
    if (m.note) {
      notes.push(m.note)
      name += ` [${notes.length}]`
    }
    return [
      name,
      formatNumber(m.value),
      m.unit,
      m.floor ? `${m.floor.name} = ${formatNumber(m.floor.value)}` : '',
      m.ratio !== undefined ? `${m.ratio.toFixed(2)}×` : '',
      targetText(m),
      verdict(m),
    ]
  })
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)))
  const numeric = new Set([1, 4])
  const format = (cells: string[]): string =>
    cells
      .map((cell, i) => (numeric.has(i) ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join(' | ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('-|-')
  const lines = [format(header), rule, ...body.map(format)]
  if (notes.length > 0) lines.push('', ...notes.map((note, i) => `[${i + 1}] ${note}`))
  return lines.join('\n')
}
