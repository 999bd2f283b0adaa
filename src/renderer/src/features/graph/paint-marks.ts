/**
 * User Timing marks of the chart's moments (the bench reads them; nothing else does):
 * sightline:graph-sync, sightline:graph-painted (entities drawn), sightline:graph-complete
 * (relations too), sightline:layout-start,
 * sightline:layout-computed and sightline:graph-laid-out.
 */

/**
 * A mark once the frame after the current one has been produced, i.e. once the chart's own
 * redraw has run (whatever the renderer); `then` learns when that was.
 */
export function markAfterPaint(name: string, then?: (at: number) => void): void {
  requestAnimationFrame(() =>
    requestAnimationFrame(() => {
      performance.mark(name)
      then?.(performance.now())
    }),
  )
}
