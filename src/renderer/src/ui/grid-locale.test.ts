import { describe, expect, it } from 'vitest'
import { gridLocaleTextFor } from './grid-locale'

describe("ag-grid's own text", () => {
  it('is Dari in the Dari interface, with the grid’s own message on top', () => {
    const text = gridLocaleTextFor('fa-AF', { noRowsToShow: 'هنوز گروهی نیست' })
    expect(text.contains).toBe('شامل')
    expect(text.equals).toBe('برابر با')
    expect(text.ariaLabelColumnMenu).toBe('مینوی ستون')
    expect(text.noRowsToShow).toBe('هنوز گروهی نیست')
    // Every word the grid shows is translated, not left in English.
    const english = Object.entries(text).filter(
      ([key, value]) => key !== 'dateFormatOoo' && !/\p{Script=Arabic}/u.test(value),
    )
    expect(english).toEqual([])
  })

  it('leaves English to ag-grid’s defaults, keeping only the grid’s own messages', () => {
    expect(gridLocaleTextFor('en', { noRowsToShow: 'No groups yet' })).toEqual({
      noRowsToShow: 'No groups yet',
    })
  })
})
