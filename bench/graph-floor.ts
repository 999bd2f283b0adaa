/**
 * The graph suite's floors: cytoscape alone, on a blank page (no app, no React, no styles of
 * ours: cytoscape's default stylesheet), drawing the same elements at the same positions, framed
 * the same way. What the app adds on top of that is what the ratio shows.
 */
import { createRequire } from 'node:module'
import type { Browser, Page } from '@playwright/test'
import type { GraphElements } from '../src/shared/contract'
import { VIEWPORT } from './browser'

const CYTOSCAPE_SCRIPT = createRequire(import.meta.url).resolve('cytoscape/dist/cytoscape.min.js')

export interface FloorElements {
  nodes: { id: string; x: number; y: number }[]
  edges: { id: string; source: string; target: string }[]
}

/** The elements of a graph (all, or the given nodes and the edges between them) with positions. */
export function floorElements(graph: GraphElements, only?: ReadonlySet<string>): FloorElements {
  const nodes = graph.nodes
    .filter((n) => !only || only.has(n.id))
    .map((n) => ({ id: n.id, ...(graph.positions[n.id] ?? { x: 0, y: 0 }) }))
  const kept = new Set(nodes.map((n) => n.id))
  const edges = graph.edges
    .filter((e) => kept.has(e.from) && kept.has(e.to))
    .map((e) => ({ id: e.id, source: e.from, target: e.to }))
  return { nodes, edges }
}

export interface FloorRun {
  /** From the elements in hand to the chart painted, ms. */
  paintMs: number
  /** Animation frames per second while the mouse drags the chart. */
  fps: number
}

/** cytoscape drawing the elements with no styles, then panned as the app's chart is. */
export async function floorPaint(
  browser: Browser,
  elements: FloorElements,
  pan: (page: Page) => Promise<number>,
): Promise<FloorRun> {
  const context = await browser.newContext({ viewport: VIEWPORT })
  try {
    const page = await context.newPage()
    await page.setContent(
      '<div role="img" aria-label="Relationship graph (floor)" style="position:absolute;inset:0"></div>',
    )
    await page.addScriptTag({ path: CYTOSCAPE_SCRIPT })
    // A string, not a function: tsx would wrap inner functions in a helper the page lacks.
    const paintMs = (await page.evaluate(`((els) => new Promise((done) => {
      const started = performance.now()
      const cy = window.cytoscape({ container: document.querySelector('[role=img]'), pixelRatio: 1 })
      cy.batch(() => cy.add([
        ...els.nodes.map((n) => ({ group: 'nodes', data: { id: n.id }, position: { x: n.x, y: n.y } })),
        ...els.edges.map((e) => ({ group: 'edges', data: { id: e.id, source: e.source, target: e.target } })),
      ]))
      let x1 = Infinity, y1 = Infinity, x2 = -Infinity, y2 = -Infinity
      for (const n of els.nodes) { x1 = Math.min(x1, n.x); x2 = Math.max(x2, n.x); y1 = Math.min(y1, n.y); y2 = Math.max(y2, n.y) }
      const zoom = Math.min((cy.width() - 60) / (x2 - x1 || 1), (cy.height() - 60) / (y2 - y1 || 1))
      cy.viewport({ zoom, pan: { x: (cy.width() - zoom * (x1 + x2)) / 2, y: (cy.height() - zoom * (y1 + y2)) / 2 } })
      requestAnimationFrame(() => requestAnimationFrame(() => done(performance.now() - started)))
    }))(${JSON.stringify(elements)})`)) as number
    return { paintMs, fps: await pan(page) }
  } finally {
    await context.close()
  }
}
