/** Which part of the canvas the current layer marks, so the view can zoom to it. */
import type { MapGeometry } from '../../../../shared/geo/map-geometry'
import { isLabelledPoint, isProminent, type MapView } from '../../../../shared/geo/map-layers'

export type Box = [[number, number], [number, number]]

/** The box around the marked provinces and the chosen groups' points; null when none. */
export function markedBox(view: MapView, geometry: MapGeometry): Box | null {
  let box: Box | null = null
  const grow = (x0: number, y0: number, x1: number, y1: number) => {
    box = box
      ? [
          [Math.min(box[0][0], x0), Math.min(box[0][1], y0)],
          [Math.max(box[1][0], x1), Math.max(box[1][1], y1)],
        ]
      : [
          [x0, y0],
          [x1, y1],
        ]
  }
  const shapes = new Map(geometry.provinces.map((s) => [s.iso, s]))
  for (const province of view.provinces) {
    const shape = shapes.get(province.iso)
    if (!shape || !isProminent(view, province)) continue
    grow(shape.bounds[0][0], shape.bounds[0][1], shape.bounds[1][0], shape.bounds[1][1])
  }
  for (const point of view.points) {
    if (!isLabelledPoint(view, point)) continue
    const xy = geometry.project(point.place.point)
    if (xy) grow(xy[0], xy[1], xy[0], xy[1])
  }
  return box
}
