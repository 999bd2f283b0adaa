import { readFileSync } from 'node:fs'
import { Chart } from './src/renderer/src/features/graph/chart'
import { visibleElements, NO_FILTER } from './src/renderer/src/features/graph/view-filter'
const d = JSON.parse(readFileSync('/tmp/g6/big/project.json', 'utf8'))
const graph = {
  nodes: d.entities.map((e: any) => ({ id: e.id, type: e.type, name: e.name, evidenceCount: 1, degree: 1 })),
  edges: d.relations.map((r: any) => ({ id: r.id, type: r.type, from: r.from, to: r.to, evidence: r.evidence, evidenceCount: r.evidence.length, supported: r.evidence.length > 0 })),
  positions: Object.fromEntries(d.entities.map((e: any, i: number) => [e.id, { x: (i % 70) * 50, y: Math.floor(i / 70) * 50 }])),
}
let t = performance.now()
const lap = (label: string) => { const n = performance.now(); console.log(label, Math.round(n - t)); t = n }
const chart = new Chart({ container: null }, 25000); lap('construct')
chart.sync(graph); lap('sync')
const vis = visibleElements(graph, NO_FILTER); lap('visible')
chart.setVisible(vis); lap('setVisible')
chart.setMatches(new Set()); lap('setMatches')
chart.sync({ ...graph, positions: { ...graph.positions } }); lap('resync')
chart.fit(); lap('fit')
chart.highlightNeighbourhood('e1'); lap('highlight')
chart.highlightNeighbourhood(null); lap('unhighlight')
