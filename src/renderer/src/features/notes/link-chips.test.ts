import { EditorState } from '@codemirror/state'
import { EditorView } from '@codemirror/view'
import { describe, expect, it } from 'vitest'
import type { CitedQuote, MentionedEntity } from '../../../../shared/contract'
import { chipFace, linkChips, setLinkTargets } from './link-chips'
import type { ResolvedLinks } from './link-targets'
import { linksOfBody } from './note-markdown'

const CLAIM: CitedQuote = {
  annotationId: 'ann-70',
  status: 'ok',
  exact: 'The NFF claims to have consolidated about 70% of former Afghan security personnel.',
  comment: '',
  kind: 'claim',
  credibility: 4,
  sourceId: 'src-brief',
  sourceTitle: 'Armed opposition to the Taliban since 2021 — analyst brief',
  reliability: 'B',
}
const NFF: MentionedEntity = {
  entityId: 'grp-nff',
  status: 'ok',
  name: 'National Freedom Front',
  type: 'group',
}

function resolved(quotes: CitedQuote[], entities: MentionedEntity[] = []): ResolvedLinks {
  return {
    quotes: new Map(quotes.map((q) => [q.annotationId, q])),
    entities: new Map(entities.map((e) => [e.entityId, e])),
    loaded: true,
  }
}

const NOTHING: ResolvedLinks = { quotes: new Map(), entities: new Map(), loaded: false }

function onlyLink(body: string) {
  const [link] = linksOfBody(body)
  if (!link) throw new Error(`no link in ${body}`)
  return link
}

describe('chipFace', () => {
  const cited = onlyLink('[The NFF claims to have consolidated about 70% of former…](quote:ann-70)')

  it('names a citation by its source and the first words of its quote', () => {
    const face = chipFace(cited, resolved([CLAIM]))
    expect(face.main).toBe('Armed opposition to the Taliban since…')
    expect(face.quote).toBe('The NFF claims to have consolidated…')
    expect(face.label).toBe(
      'Citation: Armed opposition to the Taliban since 2021 — analyst brief, “The NFF claims to have consolidated about 70% of former…”',
    )
    expect(face.broken).toBe(false)
  })

  it('keeps the analyst’s own link text in view, with the source after it', () => {
    const face = chipFace(onlyLink('[a large following](quote:ann-70)'), resolved([CLAIM]))
    expect(face.main).toBe('a large following')
    expect(face.source).toBe('Armed opposition to the Taliban since…')
    expect(face.quote).toBeUndefined()
    expect(face.label).toMatch(/^a large following, citing Armed opposition/)
  })

  it('shows the link text until the store answers, and a deleted quote as broken', () => {
    expect(chipFace(cited, NOTHING)).toMatchObject({
      main: 'The NFF claims to have consolidated…',
      broken: false,
    })
    const missing = chipFace(cited, resolved([{ annotationId: 'ann-70', status: 'missing' }]))
    expect(missing).toMatchObject({ main: 'Broken citation', broken: true })
    expect(missing.label).toBe('Broken citation: the quote it cites no longer exists')
    expect(chipFace(onlyLink('[x](quote:bad$id)'), NOTHING).broken).toBe(true)
  })

  it('names a mention by its text, and undoes Markdown escapes', () => {
    const face = chipFace(onlyLink('[the \\[front\\]](entity:grp-nff)'), resolved([], [NFF]))
    expect(face).toMatchObject({ kind: 'entity', main: 'the [front]', broken: false })
    expect(face.label).toBe('Mention: the [front]')
  })
})

describe('the chips of an editor state', () => {
  const body =
    'The front [National Freedom Front](entity:grp-nff) claims\n[a large\nfollowing](quote:ann-70).'

  function chips(state: EditorState): { from: number; to: number; label: string }[] {
    const found: { from: number; to: number; label: string }[] = []
    for (const source of state.facet(EditorView.decorations)) {
      const set = typeof source === 'function' ? source(null as never) : source
      set.between(0, state.doc.length, (from, to, decoration) => {
        const widget = decoration.spec.widget as { face: { label: string } }
        found.push({ from, to, label: widget.face.label })
      })
    }
    return found
  }

  it('covers each link, over a line break too, and follows edits around them', () => {
    let state = EditorState.create({ doc: body, extensions: linkChips() })
    const spans = (s: EditorState) => chips(s).map((c) => s.sliceDoc(c.from, c.to))
    expect(spans(state)).toEqual([
      '[National Freedom Front](entity:grp-nff)',
      '[a large\nfollowing](quote:ann-70)',
    ])
    state = state.update({ changes: { from: 0, insert: 'Now: ' } }).state
    expect(spans(state)).toEqual([
      '[National Freedom Front](entity:grp-nff)',
      '[a large\nfollowing](quote:ann-70)',
    ])
    // Editing inside a link's text changes what the chip covers, never the text itself.
    expect(state.doc.toString()).toBe(`Now: ${body}`)
  })

  it('renames the chips when the store answers', () => {
    let state = EditorState.create({ doc: body, extensions: linkChips() })
    expect(chips(state).map((c) => c.label)).toEqual([
      'Mention: National Freedom Front',
      'Citation: “a large following”',
    ])
    state = state.update({ effects: setLinkTargets.of(resolved([CLAIM], [NFF])) }).state
    expect(chips(state)[1]!.label).toMatch(/^a large following, citing Armed opposition/)
  })
})
