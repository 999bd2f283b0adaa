import { useEffect, useState } from 'react'
import { parseReaderHash } from '../../routes/links'
import { SourceReader } from './SourceReader'
import { SourcesList } from './SourcesList'
import './reader.css'

/** The Sources view: the list (import, paste) or one source in the reader, by URL hash. */
export function ReaderView() {
  const [hash, setHash] = useState(() => window.location.hash)
  useEffect(() => {
    const onChange = (): void => setHash(window.location.hash)
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  const route = parseReaderHash(hash)
  if (route.sourceId === null) return <SourcesList />
  // A new hash (another annotation or search hit) remounts the reader's scroll request.
  return <SourceReader key={hash} route={{ ...route, sourceId: route.sourceId }} />
}
