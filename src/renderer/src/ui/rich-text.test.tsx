import { isValidElement, type ReactElement } from 'react'
import { describe, expect, it } from 'vitest'
import { tWith } from './rich-text'

/** The parts as text, each element shown as [its content]. */
function shape(parts: ReturnType<typeof tWith>): string {
  return parts
    .map((part) =>
      isValidElement(part)
        ? `[${String((part as ReactElement<{ children: ReactElement<{ children: string }> }>).props.children.props.children)}]`
        : String(part),
    )
    .join('')
}

describe('a translated sentence with elements inside', () => {
  it('puts each element where the message places it, in English and in Dari', () => {
    const key = <kbd>?</kbd>
    expect(shape(tWith('welcome.pressKeyForTheKeys', { key }))).toBe(
      'Press [?] for the keys, or open the command palette for anything else.',
    )
    const cite = <kbd>[[</kbd>
    const mention = <kbd>@</kbd>
    expect(shape(tWith('notes.typeToCiteOrMention', { cite, mention }))).toBe(
      'Type [[[] to cite a quote, [@] to mention an entity.',
    )
    // Dari puts the keys after the words that say what they do.
    expect(shape(tWith('notes.typeToCiteOrMention', { cite, mention }, { lng: 'fa-AF' }))).toMatch(
      /^برای استناد به نقل‌قول \[\[\[\] و برای .* \[@\] را بنویسید\.$/,
    )
  })
})
