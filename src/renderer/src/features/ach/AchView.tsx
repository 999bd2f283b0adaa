import { useEffect, useState } from 'react'
import { analysisIdFromHash } from '../../routes/links'
import { AnalysisList } from './AnalysisList'
import { AnalysisWorkspace } from './AnalysisWorkspace'
import './ach.css'

function useAnalysisIdFromHash(): string | null {
  const [id, setId] = useState(() => analysisIdFromHash(window.location.hash))
  useEffect(() => {
    const onChange = (): void => setId(analysisIdFromHash(window.location.hash))
    window.addEventListener('hashchange', onChange)
    return () => window.removeEventListener('hashchange', onChange)
  }, [])
  return id
}

/** Analyses of Competing Hypotheses: the list of analyses, or one matrix. */
export function AchView() {
  const id = useAnalysisIdFromHash()
  return id ? <AnalysisWorkspace key={id} analysisId={id} /> : <AnalysisList />
}
