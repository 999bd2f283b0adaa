/**
 * The link chart drawn as SVG markup when the graph view has kept no image for reports:
 * saved node positions when every node has one, else one column per entity type
 * (people, groups, places, communities), which reads like an org chart on paper.
 * Every name is escaped; the markup is inlined, so it uses the report's fonts.
 */
import { RELATION_TYPES } from '../../../shared/model'
import type { GraphData } from './document'
import { escapeHtml } from './escape'

const WIDTH = 760
const ROW = 44
const PAD = 36
const NODE_RADIUS = 7
const COLUMN_ORDER = ['person', 'group', 'place', 'community']

const TYPE_COLORS: Record<string, string> = {
  group: '#1c4f8c',
  person: '#9a3b13',
  place: '#2e7d32',
  community: '#6a3d9a',
}
const OTHER_COLOR = '#55606e'

const RELATION_COLORS: Record<string, string> = {
  leads: '#9a3b13',
  'member-of': '#c2703d',
  'operates-in': '#2e7d32',
  'draws-support-from': '#6a3d9a',
  'allied-with': '#1c4f8c',
  'rival-of': '#b3261e',
  'splinter-of': '#8a5a00',
  opposes: '#7a1e48',
  'related-to': '#7b8794',
}

const DIRECTED = new Set([
  'leads',
  'member-of',
  'operates-in',
  'draws-support-from',
  'splinter-of',
  'opposes',
])

export interface ChartSvg {
  svg: string
  width: number
  height: number
}

export function drawChartSvg(chart: GraphData, title: string): ChartSvg {
  const placed = chart.nodes.every((n) => chart.positions[n.id])
    ? fromSavedPositions(chart)
    : byTypeColumns(chart)
  const legendTop = placed.height
  const relationTypes = RELATION_TYPES.filter((t) => chart.edges.some((e) => e.type === t))
  const nodeTypes = [...new Set(chart.nodes.map((n) => n.type))]
  const legendRows = Math.ceil((relationTypes.length + nodeTypes.length) / 4)
  const height = legendTop + 16 + legendRows * 18

  const parts: string[] = []
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${escapeHtml(title)}">`,
  )
  parts.push(
    '<defs>',
    ...Object.entries(RELATION_COLORS).map(
      ([type, color]) =>
        `<marker id="arrow-${type}" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path d="M0 0L10 5L0 10z" fill="${color}"/></marker>`,
    ),
    '</defs>',
  )
  parts.push('<g class="edges">')
  for (const edge of chart.edges) {
    const a = placed.at.get(edge.from)
    const b = placed.at.get(edge.to)
    if (!a || !b) continue
    const color = RELATION_COLORS[edge.type] ?? OTHER_COLOR
    const [x1, y1, x2, y2] = shorten(a, b, NODE_RADIUS + 2)
    // Neighbours in one column would draw over each other: bow the line sideways.
    const steep = Math.abs(x2 - x1) < 40
    const bow = steep ? Math.min(120, 18 + Math.abs(y2 - y1) / 3) : 0
    const cx = round((x1 + x2) / 2 - bow)
    const cy = round((y1 + y2) / 2)
    const style = `fill="none" stroke="${color}" stroke-width="1.4" stroke-opacity="0.8"${edge.supported ? '' : ' stroke-dasharray="4 3"'}${DIRECTED.has(edge.type) ? ` marker-end="url(#arrow-${edge.type})"` : ''}`
    parts.push(
      steep
        ? `<path d="M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}" ${style}/>`
        : `<line x1="${x1}" y1="${y1}" x2="${x2}" y2="${y2}" ${style}/>`,
    )
  }
  parts.push('</g><g class="nodes">')
  for (const node of chart.nodes) {
    const at = placed.at.get(node.id)
    if (!at) continue
    const color = TYPE_COLORS[node.type] ?? OTHER_COLOR
    parts.push(
      `<circle cx="${at.x}" cy="${at.y}" r="${NODE_RADIUS}" fill="${color}" stroke="#fff" stroke-width="1.5"/>`,
      `<text x="${at.x}" y="${at.y + NODE_RADIUS + 11}" text-anchor="middle" font-size="9.5" fill="#16202b">${escapeHtml(shortName(node.name))}</text>`,
    )
  }
  parts.push('</g>')
  const legend = [
    ...nodeTypes.map((type) => ({
      label: typeLabel(type),
      color: TYPE_COLORS[type] ?? OTHER_COLOR,
      node: true,
    })),
    ...relationTypes.map((type) => ({
      label: type.replace(/-/g, ' '),
      color: RELATION_COLORS[type] ?? OTHER_COLOR,
      node: false,
    })),
  ]
  parts.push('<g class="legend" font-size="9" fill="#3b4653">')
  legend.forEach((item, i) => {
    const x = PAD + (i % 4) * ((WIDTH - 2 * PAD) / 4)
    const y = legendTop + 12 + Math.floor(i / 4) * 18
    parts.push(
      item.node
        ? `<circle cx="${x + 5}" cy="${y}" r="5" fill="${item.color}"/>`
        : `<line x1="${x}" y1="${y}" x2="${x + 14}" y2="${y}" stroke="${item.color}" stroke-width="2"/>`,
      `<text x="${x + 20}" y="${y + 3}">${escapeHtml(item.label)}</text>`,
    )
  })
  parts.push('</g></svg>')
  return { svg: parts.join(''), width: WIDTH, height }
}

interface Placement {
  at: Map<string, { x: number; y: number }>
  height: number
}

function byTypeColumns(chart: GraphData): Placement {
  const columns = new Map<string, string[]>()
  for (const node of chart.nodes) {
    const key = COLUMN_ORDER.includes(node.type) ? node.type : 'other'
    columns.set(key, [...(columns.get(key) ?? []), node.id])
  }
  const order = [...COLUMN_ORDER, 'other'].filter((key) => columns.has(key))
  const step = (WIDTH - 2 * PAD) / Math.max(1, order.length)
  const tallest = Math.max(1, ...[...columns.values()].map((ids) => ids.length))
  const height = PAD + tallest * ROW
  const at = new Map<string, { x: number; y: number }>()
  order.forEach((key, column) => {
    const ids = columns.get(key) ?? []
    // Shorter columns are centred against the tallest, and alternate a little sideways
    // so labels of neighbours do not touch.
    const top = PAD / 2 + ((tallest - ids.length) * ROW) / 2
    ids.forEach((id, row) => {
      at.set(id, {
        x: round(PAD + step * (column + 0.5) + (row % 2 === 0 ? -10 : 10)),
        y: round(top + row * ROW + NODE_RADIUS),
      })
    })
  })
  return { at, height }
}

function fromSavedPositions(chart: GraphData): Placement {
  const points = chart.nodes.map((n) => chart.positions[n.id]!)
  const xs = points.map((p) => p.x)
  const ys = points.map((p) => p.y)
  const minX = Math.min(...xs)
  const minY = Math.min(...ys)
  const spanX = Math.max(1, Math.max(...xs) - minX)
  const spanY = Math.max(1, Math.max(...ys) - minY)
  const scale = Math.min((WIDTH - 2 * PAD) / spanX, 900 / spanY, 4)
  const at = new Map<string, { x: number; y: number }>()
  for (const node of chart.nodes) {
    const p = chart.positions[node.id]!
    at.set(node.id, { x: round(PAD + (p.x - minX) * scale), y: round(PAD + (p.y - minY) * scale) })
  }
  return { at, height: round(2 * PAD + spanY * scale) }
}

function shorten(
  a: { x: number; y: number },
  b: { x: number; y: number },
  by: number,
): [number, number, number, number] {
  const dx = b.x - a.x
  const dy = b.y - a.y
  const length = Math.hypot(dx, dy) || 1
  const ux = dx / length
  const uy = dy / length
  return [round(a.x + ux * by), round(a.y + uy * by), round(b.x - ux * by), round(b.y - uy * by)]
}

function shortName(name: string): string {
  return name.length > 34 ? `${name.slice(0, 32)}…` : name
}

function typeLabel(type: string): string {
  const plural: Record<string, string> = {
    person: 'people',
    group: 'groups',
    place: 'places',
    community: 'communities',
  }
  return plural[type] ?? type
}

function round(n: number): number {
  return Math.round(n * 10) / 10
}
