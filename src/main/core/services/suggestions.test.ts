import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type {
  AcceptItem,
  DateSuggestion,
  SourceSuggestions,
  Suggestion,
} from '../../../shared/contract'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let s: SampleSession
beforeEach(async () => {
  s = await openSample()
})
afterEach(() => s.close())

const ARTICLE =
  'New front in Logar\n\n' +
  'The Logar Defence Front (LDF), led by Karim Haidari, is operating in Logar and Wardak. ' +
  'It is allied with the National Resistance Front.\n\n' +
  'The front has been active in Paktia since 2023.'

async function pasted(): Promise<{ sourceId: string; text: string }> {
  const outcome = await s.value('sources.paste', { title: 'Logar report', text: ARTICLE })
  if (outcome.status !== 'imported') throw new Error('not imported')
  const { text } = await s.value('sources.get', { id: outcome.source.id })
  return { sourceId: outcome.source.id, text }
}

function asItem(suggestion: Suggestion, text: string, credibility = 6): AcceptItem {
  const { start, end } = suggestion.sentence
  return {
    key: suggestion.key,
    quote: { start, end, exact: text.slice(start, end) },
    credibility,
    kind: 'claim',
    ...(suggestion.kind === 'entity'
      ? { entity: suggestion.entity }
      : { relation: suggestion.relation }),
  }
}

/** "Create event" on a date, accepted with the event as proposed unless `event` is given. */
function eventItem(
  date: DateSuggestion,
  text: string,
  credibility = 6,
  event = date.event,
): AcceptItem {
  const { start, end } = date.sentence
  return {
    key: date.key,
    quote: { start, end, exact: text.slice(start, end) },
    credibility,
    kind: 'claim',
    event,
  }
}

function find(list: SourceSuggestions, type: string, from: string): Suggestion {
  const found = list.suggestions.find(
    (x) => x.kind === 'relation' && x.relation.type === type && x.relation.from.name === from,
  )
  if (!found) throw new Error(`no ${type} suggestion from ${from}`)
  return found
}

describe('suggestions', () => {
  it('reads a pasted article: new names, known ones, relations, dates and a summary', async () => {
    const { sourceId } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const relations = list.suggestions.flatMap((x) =>
      x.kind === 'relation'
        ? [`${x.relation.from.name} ${x.relation.type} ${x.relation.to.name}`]
        : [],
    )
    expect(relations).toEqual(
      expect.arrayContaining([
        'Karim Haidari leads Logar Defence Front',
        'Logar Defence Front operates-in Logar',
        'Logar Defence Front operates-in Wardak',
        'Logar Defence Front allied-with National Resistance Front',
        'Logar Defence Front operates-in Paktia',
      ]),
    )
    const allied = find(list, 'allied-with', 'Logar Defence Front')
    // The NRF is in the sample project: the suggestion links it instead of creating it.
    expect(allied.kind === 'relation' && allied.relation.to).toMatchObject({
      status: 'existing',
      entityId: 'grp-nrf',
    })
    const paktia = list.suggestions.find(
      (x) => x.kind === 'relation' && x.relation.to.name === 'Paktia',
    )
    expect(paktia?.kind === 'relation' && paktia.relation.validFrom).toBe('2023-01-01')
    expect(list.summary.newEntities).toEqual({ group: 1, person: 1, place: 3 })
    expect(list.dates.map((d) => d.date)).toEqual(['2023-01-01'])
  })

  it('accepts a "led by" suggestion as quote, entities and relation at once, and undoes it exactly', async () => {
    const { sourceId, text } = await pasted()
    const before = s.snapshot()
    const list = await s.value('suggestions.forSource', { sourceId })
    const ledBy = find(list, 'leads', 'Karim Haidari')
    const receipt = await s.value('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [asItem(ledBy, text, 2)],
    })
    expect(receipt.entitiesCreated).toHaveLength(2)
    expect(receipt.relationsCreated).toHaveLength(1)
    expect(receipt.annotationsCreated).toHaveLength(1)

    const [relation] = await s.value('relations.list', { entityId: receipt.entitiesCreated[0]! })
    expect(relation).toMatchObject({ type: 'leads', evidence: receipt.annotationsCreated })
    const { annotation } = await s.value('annotations.get', { id: receipt.annotationsCreated[0]! })
    expect(annotation).toMatchObject({ kind: 'claim', credibility: 2, tags: ['suggested'] })
    expect(annotation.target.quote.exact).toBe(
      'The Logar Defence Front (LDF), led by Karim Haidari, is operating in Logar and Wardak.',
    )
    const group = await s.value('entities.get', { id: relation!.to })
    expect(group).toMatchObject({ name: 'Logar Defence Front', aliases: ['LDF'] })
    expect(group.attributes).toEqual({ acronym: 'LDF' })

    // Accepted: the suggestion is not offered again.
    const after = await s.value('suggestions.forSource', { sourceId })
    expect(after.suggestions.some((x) => x.key === ledBy.key)).toBe(false)

    const undone = await s.value('suggestions.undoAccept', { receipt })
    expect(undone.removedEntityIds.sort()).toEqual([...receipt.entitiesCreated].sort())
    expect(JSON.parse(s.snapshot())).toEqual(JSON.parse(before))
  })

  it('accepts a paragraph at once: one quote per sentence, each new entity once', async () => {
    const { sourceId, text } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const paragraph = list.suggestions.filter((x) => x.paragraph === 1)
    const receipt = await s.value('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: paragraph.map((x) => asItem(x, text)),
    })
    expect(receipt.annotationsCreated).toHaveLength(2)
    const names = (await s.value('entities.list', {})).map((e) => e.name)
    expect(names.filter((n) => n === 'Logar Defence Front')).toHaveLength(1)
    expect(names.filter((n) => n === 'Wardak')).toHaveLength(1)
    const allies = await s.value('relations.list', { entityId: 'grp-nrf' })
    expect(allies.some((r) => r.type === 'allied-with')).toBe(true)
  })

  it('adds the quote as evidence when the relation is already recorded', async () => {
    const { sourceId, text } = await pasted()
    const first = await s.value('suggestions.forSource', { sourceId })
    await s.value('suggestions.accept', {
      sourceId,
      contentHash: first.contentHash,
      items: [asItem(find(first, 'operates-in', 'Logar Defence Front'), text)],
    })
    // The front now exists; "The front has been active in Paktia" also names it.
    const second = await s.value('suggestions.forSource', { sourceId })
    const paktia = second.suggestions.find(
      (x) => x.kind === 'relation' && x.relation.to.name === 'Paktia',
    )!
    expect(paktia.kind === 'relation' && paktia.relation.from.status).toBe('existing')
  })

  it('refuses a stale or mismatched accept and writes nothing', async () => {
    const { sourceId, text } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const ledBy = find(list, 'leads', 'Karim Haidari')
    const good = asItem(ledBy, text)
    const bad = {
      ...asItem(list.suggestions.at(-1)!, text),
      quote: { ...good.quote, exact: 'Something else' },
    }
    const before = s.snapshot()
    const error = await s.error('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [good, bad],
    })
    expect(error.code).toBe('conflict')
    const stale = await s.error('suggestions.accept', {
      sourceId,
      contentHash: '0'.repeat(64),
      items: [good],
    })
    expect(stale.code).toBe('conflict')
    expect(s.snapshot()).toBe(before)
  })

  it('refuses to undo an accept whose records were edited since, and removes nothing', async () => {
    const { sourceId, text } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const receipt = await s.value('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [asItem(find(list, 'leads', 'Karim Haidari'), text)],
    })
    await s.value('annotations.update', {
      id: receipt.annotationsCreated[0]!,
      patch: { credibility: 3 },
    })
    const before = s.snapshot()
    const error = await s.error('suggestions.undoAccept', { receipt })
    expect(error).toMatchObject({ code: 'conflict' })
    expect(error.message).toMatch(/quote was edited/)
    expect(s.snapshot()).toBe(before)
  })

  it('keeps a dismissed suggestion dismissed for that source, across reopening', async () => {
    const { sourceId } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const target = find(list, 'allied-with', 'Logar Defence Front')
    await s.value('suggestions.dismiss', {
      sourceId,
      items: [{ key: target.key, label: 'Logar Defence Front is allied with NRF' }],
    })
    const path = s.workspace.current.folder
    await s.workspace.close()
    await s.workspace.open(path)
    const again = await s.value('suggestions.forSource', { sourceId })
    expect(again.suggestions.some((x) => x.key === target.key)).toBe(false)
    expect(again.dismissed.map((x) => x.key)).toEqual([target.key])
    await s.value('suggestions.restore', { sourceId, keys: [target.key] })
    const restored = await s.value('suggestions.forSource', { sourceId })
    expect(restored.suggestions.some((x) => x.key === target.key)).toBe(true)
  })

  it('drops the dismissals of a deleted source', async () => {
    const { sourceId } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    await s.value('suggestions.dismiss', {
      sourceId,
      items: [{ key: list.suggestions[0]!.key, label: 'x' }],
    })
    await s.value('sources.delete', { id: sourceId })
    expect(s.workspace.current.data.suggestionDismissals).toEqual([])
  })

  it('skips what the sample already records from its brief', async () => {
    const list = await s.value('suggestions.forSource', { sourceId: 'src-brief' })
    // "It is led by Ahmad Masoud" is quoted and backs the leads relation in the sample.
    expect(
      list.suggestions.some(
        (x) =>
          x.kind === 'relation' &&
          x.relation.type === 'leads' &&
          x.relation.from.status === 'existing' &&
          x.relation.from.entityId === 'per-ahmad-masoud',
      ),
    ).toBe(false)
  })
  it('creates an event from a date in the text: event, dated quote and participants, undone at once', async () => {
    const outcome = await s.value('sources.paste', {
      title: 'Checkpoint claim',
      text: `${ARTICLE}\n\nOn 12 March 2024 the National Resistance Front claimed an attack on a checkpoint.`,
    })
    if (outcome.status !== 'imported') throw new Error('not imported')
    const sourceId = outcome.source.id
    const { text } = await s.value('sources.get', { id: sourceId })
    const before = s.snapshot()
    const list = await s.value('suggestions.forSource', { sourceId })
    const march = list.dates.find((d) => d.date === '2024-03-12')!
    expect(march.event).toMatchObject({
      eventKind: 'claim',
      datePrecision: 'day',
      dateText: '12 March 2024',
      participants: [{ status: 'existing', entityId: 'grp-nrf' }],
    })
    const receipt = await s.value('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [eventItem(march, text, 3)],
    })
    expect(receipt.entitiesCreated).toHaveLength(1)
    expect(receipt.annotationsCreated).toHaveLength(1)
    expect(receipt.relationsCreated).toHaveLength(1)
    const eventId = receipt.entitiesCreated[0]!
    const event = await s.value('entities.get', { id: eventId })
    expect(event).toMatchObject({ type: 'event', name: march.event.title })
    expect(event.attributes).toEqual({
      eventKind: 'claim',
      eventDate: '2024-03-12',
      datePrecision: 'day',
      dateText: '12 March 2024',
    })
    const { annotation } = await s.value('annotations.get', { id: receipt.annotationsCreated[0]! })
    expect(annotation).toMatchObject({ credibility: 3, tags: ['suggested', 'date'] })
    expect(annotation.entityIds.sort()).toEqual([eventId, 'grp-nrf'].sort())
    const relations = await s.value('relations.list', { entityId: eventId })
    expect(relations).toEqual([
      expect.objectContaining({
        type: 'participated-in',
        from: 'grp-nrf',
        to: eventId,
        evidence: receipt.annotationsCreated,
      }),
    ])
    // The quote supports the event's date, as a quote tagged "date" by hand would.
    const evidence = await s.value('evidence.entity', { id: eventId })
    const eventDate = evidence.attributes.find((a) => a.key === 'eventDate')
    expect(eventDate?.annotationIds).toEqual(receipt.annotationsCreated)

    await s.value('suggestions.undoAccept', { receipt })
    const after = JSON.parse(s.snapshot())
    const was = JSON.parse(before)
    expect(after.entities).toEqual(was.entities)
    expect(after.annotations).toEqual(was.annotations)
    expect(after.relations).toEqual(was.relations)
  })

  it('refuses an event whose participant is not a group or a person, and writes nothing', async () => {
    const { sourceId, text } = await pasted()
    const list = await s.value('suggestions.forSource', { sourceId })
    const date = list.dates[0]!
    const before = s.snapshot()
    const error = await s.error('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [
        eventItem(date, text, 6, {
          ...date.event,
          participants: [{ status: 'new', type: 'place', name: 'Paktia', aliases: [] }],
        }),
      ],
    })
    expect(error.code).toBe('invalid_input')
    expect(s.snapshot()).toBe(before)
  })
  it('tags the quote a sentence already has when an event is made from it, and undo takes the tag back', async () => {
    const { sourceId, text } = await pasted()
    const first = await s.value('suggestions.forSource', { sourceId })
    const paktia = first.suggestions.find(
      (x) => x.kind === 'relation' && x.relation.to.name === 'Paktia',
    )!
    const quotedFirst = await s.value('suggestions.accept', {
      sourceId,
      contentHash: first.contentHash,
      items: [asItem(paktia, text)],
    })
    const quotedId = quotedFirst.annotationsCreated[0]!
    const before = s.snapshot()
    const list = await s.value('suggestions.forSource', { sourceId })
    const since = list.dates.find((d) => d.date === '2023-01-01')!
    expect(since.event).toMatchObject({ dateText: 'since 2023', ongoing: true })
    const receipt = await s.value('suggestions.accept', {
      sourceId,
      contentHash: list.contentHash,
      items: [eventItem(since, text)],
    })
    expect(receipt.annotationsCreated).toEqual([])
    const eventId = receipt.entitiesCreated[0]!
    expect(receipt.annotationLinks).toEqual([
      { annotationId: quotedId, entityIds: [eventId], tags: ['date'] },
    ])
    const evidence = await s.value('evidence.entity', { id: eventId })
    expect(evidence.attributes.find((a) => a.key === 'eventDate')?.annotationIds).toEqual([
      quotedId,
    ])
    await s.value('suggestions.undoAccept', { receipt })
    const after = JSON.parse(s.snapshot())
    const was = JSON.parse(before)
    expect(after.entities).toEqual(was.entities)
    expect(after.relations).toEqual(was.relations)
    const tagsOf = (file: { annotations: Array<{ id: string; tags: string[] }> }): string[] =>
      file.annotations.find((x) => x.id === quotedId)!.tags
    expect(tagsOf(after)).toEqual(tagsOf(was))
  })
})
