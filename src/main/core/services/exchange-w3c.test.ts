import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preview } from '../../../../test/support/exchange'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'
import type { Annotation } from '../../../shared/model'

let session: SampleSession
beforeEach(async () => {
  session = await openSample()
})
afterEach(async () => {
  await session.close()
})

/** What an analyst sees of a quote: its words and place, comment, tags, grade, kind and links. */
function describeQuote(a: Annotation): string {
  const names = new Map(session.workspace.current.data.entities.map((e) => [e.id, e.name]))
  return JSON.stringify([
    a.target,
    a.anchor.state,
    a.comment,
    [...a.tags].sort(),
    a.credibility,
    a.kind,
    a.entityIds.map((id) => names.get(id)).sort(),
  ])
}

async function deleteAllAnnotations(): Promise<void> {
  for (const annotation of [...session.workspace.current.data.annotations]) {
    await session.value('annotations.delete', { id: annotation.id })
  }
}

describe('W3C Web Annotations', () => {
  it('exports a collection in the shape of the W3C model', async () => {
    const file = await session.value('exchange.w3cExport', { sourceId: 'src-brief' })
    const collection = JSON.parse(file.content) as Record<string, unknown> & {
      first: { type: string; items: Record<string, unknown>[] }
    }
    expect(collection['@context']).toBe('http://www.w3.org/ns/anno.jsonld')
    expect(collection.type).toBe('AnnotationCollection')
    expect(collection.total).toBe(26)
    expect(collection.first.type).toBe('AnnotationPage')
    const leader = collection.first.items.find((item) =>
      JSON.stringify(item).includes('It is led by Ahmad Masoud'),
    )!
    const source = session.workspace.current.data.sources[0]!
    expect(leader).toMatchObject({
      type: 'Annotation',
      motivation: 'commenting',
      target: {
        source: `urn:sha256:${source.contentHash}`,
        selector: [
          {
            type: 'TextQuoteSelector',
            exact: 'It is led by Ahmad Masoud, the son of the commander Ahmad Shah Masoud',
          },
          { type: 'TextPositionSelector' },
        ],
      },
    })
    const bodies = leader.body as { purpose: string; value: string; id?: string }[]
    expect(bodies).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          purpose: 'commenting',
          value: 'NRF leadership and its family link to the earlier resistance.',
        }),
        expect.objectContaining({ purpose: 'tagging', value: 'leadership' }),
        expect.objectContaining({ purpose: 'assessing', value: 'B2' }),
        expect.objectContaining({
          purpose: 'identifying',
          value: 'Ahmad Masoud',
          id: expect.stringMatching(/^urn:uuid:/),
        }),
      ]),
    )
  })

  it('gives back the same quotes, tags, grades and links after export and import', async () => {
    const ofBrief = session.workspace.current.data.annotations.filter(
      (a) => a.sourceId === 'src-brief',
    )
    expect(ofBrief).toHaveLength(26)
    const original = ofBrief.map(describeQuote).sort()
    const file = await session.value('exchange.w3cExport', { sourceId: 'src-brief' })
    await deleteAllAnnotations()
    const planned = await preview(session, file.content, file.fileName)
    expect(planned.counts.quote).toEqual({ create: 26, merge: 0, skip: 0 })
    await session.value('exchange.apply', { planId: planned.planId, digest: planned.digest })
    expect(session.workspace.current.data.annotations.map(describeQuote).sort()).toEqual(original)
  })

  it('merges, rather than doubles, annotations the project has already', async () => {
    const file = await session.value('exchange.w3cExport', {})
    const planned = await preview(session, file.content, file.fileName)
    // The brief's 26 quotes and the 6 of the sample's other sources.
    expect(planned.counts.quote).toEqual({ create: 0, merge: 32, skip: 0 })
  })

  it('anchors Hypothesis annotations by address, and sends changed or missing words to review', async () => {
    await session.value('sources.update', {
      id: 'src-brief',
      patch: { url: 'https://example.org/brief' },
    })
    const hypothesisRow = (exact: string, text: string, tags: string[]) => ({
      id: `h-${tags.join('-')}`,
      uri: 'https://example.org/brief',
      text,
      tags,
      target: [
        {
          source: 'https://example.org/brief',
          selector: [
            {
              type: 'RangeSelector',
              startContainer: '/p[2]',
              startOffset: 0,
              endContainer: '/p[2]',
              endOffset: 10,
            },
            { type: 'TextPositionSelector', start: 9_999, end: 10_050 },
            { type: 'TextQuoteSelector', exact, prefix: '', suffix: '' },
          ],
        },
      ],
    })
    const response = {
      total: 5,
      rows: [
        hypothesisRow('long-term resistance planning', 'Part of a quote', ['moved']),
        hypothesisRow('The front is active in Takhar, Kunduz and Badakhshan', 'NFF provinces', [
          'found',
        ]),
        hypothesisRow('The front is active in Takhar, Kundus and Badakshan', 'Misspelled', [
          'changed',
        ]),
        hypothesisRow('Nothing of this sentence is in the brief at all, anywhere.', 'Absent', [
          'absent',
        ]),
        {
          ...hypothesisRow('x', 'elsewhere', ['other']),
          uri: 'https://example.org/other',
          target: [
            {
              source: 'https://example.org/other',
              selector: [{ type: 'TextQuoteSelector', exact: 'x' }],
            },
          ],
        },
      ],
    }
    const planned = await preview(session, JSON.stringify(response), 'hypothesis.json')
    // The first is a quote the project has: it merges, bringing its tag.
    expect(planned.counts.quote).toEqual({ create: 3, merge: 1, skip: 1 })
    expect(planned.items.find((i) => i.action === 'merge')?.target?.id).toBe('ann-nff-provinces')
    expect(planned.items.find((i) => i.action === 'skip')?.reason).toBe(
      'no source in this project has the address https://example.org/other',
    )
    await session.value('exchange.apply', { planId: planned.planId, digest: planned.digest })
    const stateOf = (tag: string): string | undefined =>
      session.workspace.current.data.annotations.find((a) => a.tags.includes(tag))?.anchor.state
    expect(
      session.workspace.current.data.annotations.find((a) => a.tags.includes('found'))?.id,
    ).toBe('ann-nff-provinces')
    // Found verbatim far from the position given: anchored where the words are.
    expect(stateOf('moved')).toBe('moved')
    expect(stateOf('changed')).toBe('fuzzy')
    expect(stateOf('absent')).toBe('orphaned')
    const review = await session.value('annotations.review', { sourceId: 'src-brief' })
    expect(review.map((r) => r.annotation.comment).sort()).toEqual(['Absent', 'Misspelled'])
  })

  it('refuses annotations for a new project, and files that are not annotations', async () => {
    const before = session.snapshot()
    const file = await session.value('exchange.w3cExport', {})
    await expect(
      preview(session, file.content, file.fileName, { target: 'new-project' }),
    ).rejects.toThrow(/import them into the project that holds those sources/)
    await expect(
      preview(session, '{"hello": "world"}', 'x.json', { format: 'w3c' }),
    ).rejects.toThrow(/holds no W3C annotations/)
    await expect(preview(session, '[{"target": ', 'x.json', { format: 'w3c' })).rejects.toThrow(
      /not JSON/,
    )
    expect(session.snapshot()).toBe(before)
  })
})
