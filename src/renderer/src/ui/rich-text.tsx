/**
 * A translated sentence with elements inside it ("Press <kbd>?</kbd> for the keys"): the
 * message holds a placeholder per element ("Press {{key}} for the keys"), so the translation
 * puts each element where its language needs it, and the sentence is never cut in pieces
 * whose order only English gets right.
 */
import { Fragment, type ReactNode } from 'react'
import { t } from './i18n'

// A character no message contains marks where each element goes.
const MARK = '\u0000'

/** The message for `key` with each {{name}} replaced by elements[name]. */
export function tWith(
  key: string,
  elements: Record<string, ReactNode>,
  values: Record<string, unknown> = {},
): ReactNode[] {
  const marked = Object.fromEntries(Object.keys(elements).map((name) => [name, MARK + name + MARK]))
  const pieces = t(key, { ...values, ...marked }).split(MARK)
  // split() puts the names at the odd indexes, the text between them at the even ones.
  return pieces.map((piece, index) =>
    index % 2 === 1 && Object.hasOwn(elements, piece) ? (
      <Fragment key={index}>{elements[piece]}</Fragment>
    ) : (
      piece
    ),
  )
}
