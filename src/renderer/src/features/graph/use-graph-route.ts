/**
 * The Graph view's route: whole graph or an exploration, kept in the URL hash so that a reload
 * (or the browser's Back) returns to it. Navigating writes the hash; the view follows the hash.
 */
import { useEffect, useState } from 'react'
import { graphHref, parseGraphHash, type GraphRoute } from '../../routes/links'

export function useGraphRoute(): [GraphRoute, (route: GraphRoute) => void] {
  const [route, setRoute] = useState(() => parseGraphHash(window.location.hash))
  useEffect(() => {
    const follow = (): void => {
      const next = parseGraphHash(window.location.hash)
      // Same route, same object: what depends on it is not recomputed for nothing.
      setRoute((current) => (graphHref(current) === graphHref(next) ? current : next))
    }
    window.addEventListener('hashchange', follow)
    return () => window.removeEventListener('hashchange', follow)
  }, [])
  const navigate = (next: GraphRoute): void => {
    const href = graphHref(next)
    if (window.location.hash !== href) window.location.hash = href
  }
  return [route, navigate]
}
