import type { ReactNode } from 'react'
import { t } from './i18n'

/**
 * Why a file was refused: the message, then every problem the app listed (where in the file,
 * and what is wrong) when there is more than the one the message already names.
 */
export function FileProblems({
  message,
  problems,
}: {
  message: ReactNode
  problems: readonly { path: string; message: string }[]
}) {
  return (
    <>
      <p>{message}</p>
      {problems.length > 1 && (
        <ul aria-label={t('ui.problemsFoundInTheFile')}>
          {problems.map((problem, index) => (
            <li key={index}>
              {problem.path ? <code>{problem.path}</code> : null} {problem.message}
            </li>
          ))}
        </ul>
      )}
    </>
  )
}
