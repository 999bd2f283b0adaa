import type cytoscape from 'cytoscape'
import type { RelationType } from '../../../../shared/model'
import { entityTypeLabel, relationTypeLabel } from '../../ui/model-labels'

/** How each entity type is drawn; shape and colour both differ, so colour is never the only cue. */
const SHAPES = [
  'hexagon',
  'ellipse',
  'round-diamond',
  'round-rectangle',
  'round-triangle',
  'star',
] as const

export interface TypeLook {
  label: string
  shape: (typeof SHAPES)[number]
  colour: string
}

const TYPE_LOOKS: Record<string, TypeLook> = {
  group: { label: entityTypeLabel('group', 'Group'), shape: 'hexagon', colour: '#c0392b' },
  person: { label: entityTypeLabel('person', 'Person'), shape: 'ellipse', colour: '#1f5fa8' },
  // round-diamond, not diamond: cytoscape 3.34's hit test misses a plain diamond clicked on the
  // vertical line through its centre (the ray test counts both vertices), so it ignored clicks
  // in the middle of every place.
  place: { label: entityTypeLabel('place', 'Place'), shape: 'round-diamond', colour: '#2e7d4f' },
  community: {
    label: entityTypeLabel('community', 'Community'),
    shape: 'round-rectangle',
    colour: '#7d3c98',
  },
  event: { label: entityTypeLabel('event', 'Event'), shape: 'star', colour: '#d35400' },
}

const OTHER_COLOURS = ['#b9770e', '#117a8b', '#6e2c00', '#566573', '#a04000']

/** A project's own types (beyond the four built in) get a stable look from their name. */
export function typeLook(type: string): TypeLook {
  const known = TYPE_LOOKS[type]
  if (known) return known
  let hash = 0
  for (const char of type) hash = (hash * 31 + char.charCodeAt(0)) >>> 0
  return {
    label: type.charAt(0).toUpperCase() + type.slice(1).replace(/-/g, ' '),
    shape: 'round-triangle',
    colour: OTHER_COLOURS[hash % OTHER_COLOURS.length] ?? '#566573',
  }
}

export const RELATION_LABELS: Record<RelationType, string> = {
  leads: relationTypeLabel('leads', 'leads'),
  'member-of': relationTypeLabel('member-of', 'member of'),
  'operates-in': relationTypeLabel('operates-in', 'operates in'),
  'draws-support-from': relationTypeLabel('draws-support-from', 'draws support from'),
  'allied-with': relationTypeLabel('allied-with', 'allied with'),
  'rival-of': relationTypeLabel('rival-of', 'rival of'),
  'splinter-of': relationTypeLabel('splinter-of', 'splinter of'),
  opposes: relationTypeLabel('opposes', 'opposes'),
  'related-to': relationTypeLabel('related-to', 'related to'),
  'participated-in': relationTypeLabel('participated-in', 'took part in'),
  'took-place-in': relationTypeLabel('took-place-in', 'took place in'),
}

/** Relations read the same both ways carry no arrow. */
const SYMMETRIC: ReadonlySet<RelationType> = new Set(['allied-with', 'rival-of', 'related-to'])

const HOSTILE: ReadonlySet<RelationType> = new Set(['opposes', 'rival-of'])

export function relationColour(type: RelationType): string {
  if (HOSTILE.has(type)) return '#b03a2e'
  if (type === 'leads' || type === 'member-of' || type === 'splinter-of') return '#34495e'
  if (type === 'operates-in' || type === 'took-place-in') return '#2e7d4f'
  if (type === 'participated-in') return '#d35400'
  return '#7f8c8d'
}

export function isSymmetric(type: RelationType): boolean {
  return SYMMETRIC.has(type)
}

/** Node diameter grows with the square root of the evidence, so one heavy node does not dwarf all. */
export function nodeSize(evidenceCount: number): number {
  return Math.round(Math.min(72, 22 + 7 * Math.sqrt(evidenceCount)))
}

/** About how wide a node's label is drawn (12 px font, cut at 150 px), for layouts to leave room. */
export function labelWidth(name: string): number {
  return Math.min(150, Math.round(name.length * 6.6))
}

/** Edge width grows with the supporting quotes, capped so a well-sourced edge stays a line. */
export function edgeWidth(evidenceCount: number): number {
  return Math.min(7, 1.2 + 1.1 * evidenceCount)
}

/** Up to this many entities in view, labels keep a readable size on screen whatever the zoom. */
export const READABLE_LABELS_UP_TO = 100

/** Label sizes in graph units, which the viewport sets from the zoom (screen px ÷ zoom). */
export interface LabelSizes {
  node: number
  edge: number
}

/** Screen sizes that read comfortably beside 14 px interface text. */
const NODE_LABEL_PX = 13
const EDGE_LABEL_PX = 11

/**
 * Label sizes for a zoom: with few entities in view, the screen size is held (the label grows
 * in graph units as the chart zooms out); with more, it follows the zoom from 12 and 10.
 */
export function labelSizesFor(zoom: number, nodesInView: number): LabelSizes {
  if (nodesInView > READABLE_LABELS_UP_TO || zoom >= 1) return { node: 12, edge: 10 }
  const hold = (px: number, base: number) => Math.min(4 * base, Math.max(base, px / zoom))
  return { node: hold(NODE_LABEL_PX, 12), edge: hold(EDGE_LABEL_PX, 10) }
}

/** The colours of what is drawn over the chart's background, which follow the theme. */
export interface ChartInk {
  label: string
  edgeLabel: string
  /** Behind an edge's label, so it reads across the lines: the chart's background. */
  labelBackground: string
  nodeBorder: string
  selected: string
}

const LIGHT_INK: ChartInk = {
  label: '#1d232b',
  edgeLabel: '#3d4652',
  labelBackground: '#ffffff',
  nodeBorder: '#ffffff',
  selected: '#1d232b',
}

/** Labels drawn smaller than this on screen are left out (cytoscape's min-zoomed-font-size). */
export const NODE_LABEL_MIN_PX = 7
const EDGE_LABEL_MIN_PX = 8

/**
 * The stylesheet. Element data carries precomputed look values (colour, shape, size, width,
 * label) so the style needs no per-type selectors and a new type needs no new rule.
 *
 * Level of detail: labels, arrowheads, dashes and (on a small chart) curved parallel edges
 * come with the "near" class, which the viewport gives the elements once names are readable
 * at the zoom (chart-viewport.ts). Far out the elements carry a handful of properties: each
 * one applied costs cytoscape work per element, and measuring labels too small to be drawn
 * took most of a focus's first paint (bench "graph", opening on a focus).
 */
export function chartStylesheet(options: {
  large: boolean
  /** Read on each restyle (small graphs: the viewport restyles labels as the zoom changes). */
  labels?: LabelSizes
  ink?: ChartInk
}): cytoscape.StylesheetJson {
  const ink = options.ink ?? LIGHT_INK
  const { labels, large } = options
  const nodeFont = labels ? () => labels.node : 12
  const edgeFont = labels ? () => labels.edge : 10
  return [
    {
      selector: 'node',
      style: {
        'background-color': 'data(colour)',
        width: 'data(size)',
        height: 'data(size)',
      },
    },
    {
      // Haystack edges (cytoscape's default curve) skip the control-point work that weighs on
      // drawing 20k edges (measured: 4 of 17 s of a first paint); they take mid arrows only.
      selector: 'edge',
      style: { width: 'data(width)', 'line-color': 'data(colour)' },
    },
    // Selectors on data rather than mapper functions keep cytoscape's style cache effective.
    ...SHAPES.map((shape) => ({ selector: `node[shape = "${shape}"]`, style: { shape } })),
    {
      selector: 'node.near',
      style: {
        label: 'data(name)',
        // A thin ring parts overlapping nodes; far out it would be a fraction of a pixel.
        'border-width': 1,
        'border-color': ink.nodeBorder,
        'font-size': nodeFont,
        color: ink.label,
        'text-valign': 'bottom',
        'text-margin-y': 3,
        'text-wrap': 'ellipsis',
        'text-max-width': labels ? () => `${Math.round((150 * labels.node) / 12)}px` : '150px',
        // A pale halo keeps a name legible where edges cross it.
        'text-background-color': ink.labelBackground,
        'text-background-opacity': 0.7,
        'text-background-padding': '1px',
        'min-zoomed-font-size': NODE_LABEL_MIN_PX,
      },
    },
    {
      selector: 'edge.near',
      style: {
        label: 'data(label)',
        'font-size': edgeFont,
        color: ink.edgeLabel,
        'text-rotation': 'autorotate',
        'text-background-color': ink.labelBackground,
        'text-background-opacity': 0.8,
        'text-background-padding': '1px',
        'min-zoomed-font-size': EDGE_LABEL_MIN_PX,
        'arrow-scale': 0.8,
        // Parallel relations between two entities bow apart far enough for their labels not
        // to print over each other (a large graph's stay straight: too many to bend).
        ...(large ? {} : { 'curve-style': 'bezier' as const, 'control-point-step-size': 56 }),
      },
    },
    {
      selector: 'edge.near[arrow = "triangle"]',
      style: large
        ? {
            'mid-target-arrow-shape': 'triangle' as const,
            'mid-target-arrow-color': 'data(colour)',
          }
        : { 'target-arrow-shape': 'triangle' as const, 'target-arrow-color': 'data(colour)' },
    },
    {
      // Dashes cost about as much again as the lines (setLineDash), and far out they cannot
      // be seen: they come with the labels.
      selector: 'edge.unsupported.near',
      style: { 'line-style': 'dashed', 'line-dash-pattern': [6, 4] },
    },
    { selector: '.filtered, .unplaced, .streaming', style: { display: 'none' } },
    { selector: '.dimmed', style: { opacity: 0.12 } },
    { selector: 'node.match', style: { 'border-width': 4, 'border-color': '#f0a500' } },
    {
      selector: 'node:selected',
      style: { 'border-width': 4, 'border-color': ink.selected, 'font-weight': 'bold' },
    },
    {
      selector: 'edge:selected',
      style: { 'line-color': ink.selected, 'target-arrow-color': ink.selected, opacity: 1 },
    },
  ]
}
