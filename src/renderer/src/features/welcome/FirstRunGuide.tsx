import { useState } from 'react'
import { runInView, useCommands } from '../../ui/commands'
import './welcome.css'

const DISMISSED_KEY = 'sightline.first-run-dismissed'

function wasDismissed(projectId: string): boolean {
  try {
    return window.localStorage.getItem(`${DISMISSED_KEY}.${projectId}`) === '1'
  } catch {
    return false
  }
}

function rememberDismissed(projectId: string): void {
  try {
    window.localStorage.setItem(`${DISMISSED_KEY}.${projectId}`, '1')
  } catch {
    // Not kept; it stays hidden for this session.
  }
}

/**
 * What a new project's first screen says: the three things that make a graded, linked claim
 * (import a document, select and grade a passage, link it to a group), with the Import
 * button at hand. Shown over every view while the project has no source, and on demand
 * ("Getting started" in the palette) once it has.
 */
export function FirstRunGuide({
  projectId,
  empty,
}: {
  projectId: string
  /** The project has no source yet: the guide shows unless put away. */
  empty: boolean
}) {
  const [dismissed, setDismissed] = useState(() => wasDismissed(projectId))
  const [asked, setAsked] = useState(false)
  useCommands([
    {
      id: 'help.getting-started',
      title: 'Getting started: the first graded, linked claim',
      scope: 'Global',
      keywords: ['help', 'first run', 'how to', 'tutorial'],
      run: () => setAsked(true),
    },
  ])

  if (!asked && (!empty || dismissed)) return null
  const close = (): void => {
    setAsked(false)
    if (empty) {
      rememberDismissed(projectId)
      setDismissed(true)
    }
  }
  return (
    <section className="first-run" aria-labelledby="first-run-title">
      <div className="first-run-head">
        <h2 id="first-run-title">Start here: your first graded, linked claim</h2>
        <button type="button" className="link-button" onClick={close}>
          Put this guide away
        </button>
      </div>
      <ol className="first-run-steps">
        <li>
          <strong>Import a document</strong>
          <span>
            A report, article or statement: PDF, Word, HTML, Markdown or text. Drop it on the
            Sources view or use the button.
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => runInView('sources', 'sources.import')}
          >
            Import a document…
          </button>
        </li>
        <li>
          <strong>Select a passage and grade it</strong>
          <span>
            In the reader, select the sentence that makes the claim and press <kbd>A</kbd>. Grade it
            the Admiralty way: how reliable the source is (A–F) and how credible the claim is (1–6).
          </span>
        </li>
        <li>
          <strong>Link it</strong>
          <span>
            Name the group, person or place the passage is about. The quote becomes evidence on its
            panel, in the grids and in the graph.
          </span>
        </li>
      </ol>
      <p className="muted">
        Press <kbd>?</kbd> for the keys, or open the command palette for anything else.
      </p>
    </section>
  )
}
