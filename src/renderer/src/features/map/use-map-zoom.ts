/**
 * Zoom and pan for the map with d3-zoom (wheel, drag, pinch, double-click) and buttons for
 * the keyboard. Each frame sets one transform on the drawing's group and the scale as a CSS
 * variable, as does a resize of the frame (points and labels keep their size on screen
 * through them): no React render while the analyst pans, which keeps it smooth with
 * thousands of points.
 */
import { select } from 'd3-selection'
import { zoom, zoomIdentity, type ZoomBehavior } from 'd3-zoom'
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAP_HEIGHT, MAP_WIDTH } from '../../../../shared/geo/map-geometry'

const MAX_ZOOM = 24
const FRAME_MAX_ZOOM = 5
/** From this scale on, every province shows its name. */
const DETAIL_ZOOM = 2

export function useMapZoom() {
  const svgRef = useRef<SVGSVGElement | null>(null)
  const layerRef = useRef<SVGGElement | null>(null)
  const behaviour = useRef<ZoomBehavior<SVGSVGElement, unknown> | null>(null)
  const [detailed, setDetailed] = useState(false)

  useEffect(() => {
    const svg = svgRef.current
    if (!svg) return
    const zoomer = zoom<SVGSVGElement, unknown>()
      .scaleExtent([1, MAX_ZOOM])
      .translateExtent([
        [0, 0],
        [MAP_WIDTH, MAP_HEIGHT],
      ])
      .on('zoom', (event: { transform: { x: number; y: number; k: number } }) => {
        const { x, y, k } = event.transform
        layerRef.current?.setAttribute('transform', `translate(${x} ${y}) scale(${k})`)
        svg.style.setProperty('--zoom', String(k))
        setDetailed(k >= DETAIL_ZOOM)
        performance.mark('sightline:map-zoomed')
      })
    behaviour.current = zoomer
    const selection = select(svg)
    selection.call(zoomer)
    // The canvas is scaled to fit its frame; labels and points keep their size on screen.
    const resized = new ResizeObserver(() => {
      const { width, height } = svg.getBoundingClientRect()
      const fit = Math.min(width / MAP_WIDTH, height / MAP_HEIGHT)
      if (fit > 0) svg.style.setProperty('--fit', fit.toFixed(4))
    })
    resized.observe(svg)
    return () => {
      resized.disconnect()
      selection.on('.zoom', null)
      behaviour.current = null
    }
  }, [])

  const zoomBy = useCallback((factor: number) => {
    const svg = svgRef.current
    if (svg && behaviour.current) select(svg).call(behaviour.current.scaleBy, factor)
  }, [])

  /** Frames a box of the canvas, never closer than FRAME_MAX_ZOOM (one province fills the view). */
  const frame = useCallback((box: [[number, number], [number, number]]) => {
    const svg = svgRef.current
    if (!svg || !behaviour.current) return
    const [[left, top], [right, bottom]] = box
    const k = Math.max(
      1,
      Math.min(
        FRAME_MAX_ZOOM,
        0.8 / Math.max((right - left) / MAP_WIDTH, (bottom - top) / MAP_HEIGHT),
      ),
    )
    const x = MAP_WIDTH / 2 - (k * (left + right)) / 2
    const y = MAP_HEIGHT / 2 - (k * (top + bottom)) / 2
    select(svg).call(behaviour.current.transform, zoomIdentity.translate(x, y).scale(k))
  }, [])

  const reset = useCallback(() => {
    const svg = svgRef.current
    if (svg && behaviour.current) select(svg).call(behaviour.current.transform, zoomIdentity)
  }, [])

  return { svgRef, layerRef, detailed, zoomBy, frame, reset }
}
