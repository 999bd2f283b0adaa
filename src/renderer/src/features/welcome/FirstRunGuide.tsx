import { useState } from 'react'
import { runInView, useCommands } from '../../ui/commands'
import { t } from '../../ui/i18n'
import { tWith } from '../../ui/rich-text'
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
      title: t('welcome.gettingStartedTheFirstGradedLinked'),
      scope: t('welcome.global'),
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
        <h2 id="first-run-title">{t('welcome.startHereYourFirstGradedLinked')}</h2>
        <button type="button" className="link-button" onClick={close}>
          {t('welcome.putThisGuideAway')}
        </button>
      </div>
      <ol className="first-run-steps">
        <li>
          <strong>{t('welcome.importADocument')}</strong>
          <span>{t('welcome.aReportArticleOrStatementPdf')}</span>
          <button
            type="button"
            className="primary"
            onClick={() => runInView('sources', 'sources.import')}
          >
            {t('welcome.importADocument2')}
          </button>
        </li>
        <li>
          <strong>{t('welcome.selectAPassageAndGradeIt')}</strong>
          <span>{tWith('welcome.selectTheSentenceAndPressKey', { key: <kbd>A</kbd> })}</span>
        </li>
        <li>
          <strong>{t('welcome.linkIt')}</strong>
          <span>{t('welcome.nameTheGroupPersonOrPlace')}</span>
        </li>
      </ol>
      <p className="muted">{tWith('welcome.pressKeyForTheKeys', { key: <kbd>?</kbd> })}</p>
    </section>
  )
}
