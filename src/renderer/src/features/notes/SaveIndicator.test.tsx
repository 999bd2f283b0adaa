import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import type { DraftSaver, SaveStatus } from './draft-saver'
import { SaveIndicator } from './SaveIndicator'

function render(status: SaveStatus): string {
  return renderToStaticMarkup(
    <SaveIndicator status={status} saver={{} as DraftSaver} onLoadStoredVersion={() => {}} />,
  )
}

describe('SaveIndicator', () => {
  it('names each state in words', () => {
    expect(render({ state: 'saved' })).toContain('>Saved<')
    expect(render({ state: 'saving' })).toContain('>Saving…<')
    expect(render({ state: 'unsaved' })).toContain('>Unsaved changes<')
  })

  it('offers a retry after a failed save', () => {
    const html = render({ state: 'failed', message: 'Disk full', conflict: false })
    expect(html).toContain('>Not saved<')
    expect(html).toContain('Disk full')
    expect(html).toContain('>Retry<')
    expect(html).not.toContain('Keep my version')
  })

  it('lets the writer settle a conflict either way, never silently', () => {
    const html = render({ state: 'failed', message: 'Changed in another window', conflict: true })
    expect(html).toContain('>Not saved: changed elsewhere<')
    expect(html).toContain('>Keep my version<')
    expect(html).toContain('>Load the other version<')
    expect(html).not.toContain('>Retry<')
  })
})
