import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { preview } from '../../../../test/support/exchange'
import { openSample, type SampleSession } from '../../../../test/support/sample-dispatch'

let session: SampleSession
beforeEach(async () => {
  session = await openSample()
})
afterEach(async () => {
  await session.close()
})

const CSV = [
  'Name,Aliases,Type,Acronym,Phase,First seen,Estimated strength,Description,Source row',
  'Afghanistan Freedom Front,AFF; Jabhe-ye Azadi,group,AFF,Guerrilla warfare,2022,"1,200",Front active in the north-east.,a',
  'National Resistance Front,Resistance Front,group,,,,,,b',
  'Jabha-e Zafar,,group,,Third stage,,,,c',
  ',no name,group,,,,,,d',
  'Abdul Hamid,,person,,,,,Commander in Andarab.,e',
  'Kabul,,city-state,,,,,,f',
  '"Quoted, with comma",,community,,,,,"Two lines',
  'of description.",g',
].join('\r\n')

describe('CSV import of entities', () => {
  it('suggests a mapping from the headers and lists every refused row with its reason', async () => {
    const before = session.snapshot()
    const planned = await preview(session, CSV, 'actors.csv')
    expect(planned.format).toBe('csv')
    expect(planned.csv?.headers).toHaveLength(9)
    expect(planned.csv?.mapping.columns).toEqual([
      { role: 'name' },
      { role: 'aliases' },
      { role: 'type' },
      { role: 'attribute', key: 'acronym' },
      { role: 'attribute', key: 'phase' },
      { role: 'attribute', key: 'firstSeen' },
      { role: 'attribute', key: 'estimatedStrength' },
      { role: 'description' },
      { role: 'ignore' },
    ])
    expect(planned.csv?.rows).toBe(7)
    const byRef = new Map(planned.items.map((i) => [i.ref, i]))
    expect(byRef.get('row 2')).toMatchObject({
      action: 'create',
      label: 'Afghanistan Freedom Front',
    })
    expect(byRef.get('row 3')).toMatchObject({ action: 'merge', target: { id: 'grp-nrf' } })
    expect(byRef.get('row 4')).toMatchObject({ action: 'skip' })
    expect(byRef.get('row 4')!.reason).toMatch(/^Phase: .*“Third stage”/)
    expect(byRef.get('row 5')).toMatchObject({ action: 'skip', reason: 'the name is empty' })
    expect(byRef.get('row 6')).toMatchObject({ action: 'create', detail: 'person' })
    expect(byRef.get('row 7')!.reason).toMatch(
      /the type “city-state” is not one of group, person, place, community/,
    )
    expect(byRef.get('row 8')).toMatchObject({
      action: 'create',
      label: 'Quoted, with comma',
      detail: 'community',
    })
    expect(session.snapshot()).toBe(before)
  })

  it('imports what the preview said, each entity quoting its row', async () => {
    const planned = await preview(session, CSV, 'actors.csv')
    await session.value('exchange.apply', { planId: planned.planId, digest: planned.digest })
    const data = session.workspace.current.data
    const front = data.entities.find((e) => e.name === 'Afghanistan Freedom Front')!
    expect(front).toMatchObject({
      type: 'group',
      aliases: ['AFF', 'Jabhe-ye Azadi'],
      description: 'Front active in the north-east.',
      attributes: {
        acronym: 'AFF',
        phase: 'guerrilla-warfare',
        firstSeen: '2022-01-01',
        estimatedStrength: 1200,
      },
    })
    expect(data.entities.find((e) => e.id === 'grp-nrf')!.aliases).toEqual([
      'NRF',
      'Resistance Front',
    ])
    expect(data.entities.find((e) => e.name === 'Quoted, with comma')!.description).toBe(
      'Two lines\nof description.',
    )
    const dataset = data.sources.find((s) => s.kind === 'dataset')!
    expect(dataset).toMatchObject({ title: 'CSV file actors.csv', origin: { format: 'csv' } })
    const rowQuote = data.annotations.find(
      (a) => a.sourceId === dataset.id && a.entityIds.includes(front.id),
    )!
    expect(rowQuote.target.quote.exact).toMatch(
      /^Afghanistan Freedom Front,AFF; Jabhe-ye Azadi,group/,
    )
  })

  it('follows a mapping the analyst changed', async () => {
    const first = await preview(session, CSV, 'actors.csv')
    const columns = first.csv!.mapping.columns.map((c) =>
      c.role === 'attribute' && c.key === 'phase' ? { role: 'ignore' as const } : c,
    )
    const planned = await preview(session, CSV, 'actors.csv', {
      csv: { ...first.csv!.mapping, columns },
    })
    expect(planned.items.find((i) => i.ref === 'row 4')).toMatchObject({ action: 'create' })
  })

  it('reads semicolon-separated files and refuses a mapping without names', async () => {
    const text = 'nom;alias\nFront X;FX\n'
    const planned = await preview(session, text, 'x.csv', {
      csv: {
        columns: [{ role: 'name' }, { role: 'aliases' }],
        defaultType: 'group',
        aliasSeparator: '|',
      },
    })
    expect(planned.items).toEqual([expect.objectContaining({ action: 'create', label: 'Front X' })])
    await expect(
      preview(session, text, 'x.csv', {
        csv: {
          columns: [{ role: 'ignore' }, { role: 'aliases' }],
          defaultType: 'group',
          aliasSeparator: ';',
        },
      }),
    ).rejects.toThrow(/Choose the column that holds the names/)
  })
})
