import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTEXT_LENGTH } from '../../src/shared/anchoring'
import { ProjectFile } from '../../src/shared/model'
import { buildSampleProject, checkReferences, SAMPLE_DIR, serializeProject, sha256 } from './build'

const committedJson = readFileSync(join(SAMPLE_DIR, 'project.json'), 'utf8')
const committed = ProjectFile.parse(JSON.parse(committedJson))
const sourcesDir = join(SAMPLE_DIR, 'sources')

function sourceText(contentHash: string): string {
  return readFileSync(join(sourcesDir, `${contentHash}.txt`), 'utf8')
}

const GROUP_NAMES = [
  'National Resistance Front',
  'National Freedom Front',
  'Resistance Movement for Justice',
  'Free Tigers of Turkistan',
  'National Islamic Freedom Movement',
  'Freedom Uprising',
  'Wolf Unit',
  'Supreme Resistance Council',
]

describe('sample project', () => {
  it('is exactly what the build script produces (regenerate with the build, never hand-edit)', () => {
    const { file, texts } = buildSampleProject()
    expect(committedJson).toBe(serializeProject(file))
    expect(readdirSync(sourcesDir).sort()).toEqual([...texts.keys()].map((h) => `${h}.txt`).sort())
    for (const [hash, text] of texts) expect(sourceText(hash)).toBe(text)
  })

  it('validates against the schema and has no dangling references', () => {
    expect(ProjectFile.safeParse(JSON.parse(committedJson)).success).toBe(true)
    expect(checkReferences(committed)).toEqual([])
  })

  it('stores each source text under its own sha256 with the recorded length', () => {
    for (const s of committed.sources) {
      const text = sourceText(s.contentHash)
      expect(sha256(text)).toBe(s.contentHash)
      expect(text.length).toBe(s.length)
    }
  })

  it('anchors every annotation exactly in its source text', () => {
    const byId = new Map(committed.sources.map((s) => [s.id, s]))
    expect(committed.annotations.length).toBeGreaterThan(0)
    for (const a of committed.annotations) {
      const source = byId.get(a.sourceId)
      expect(source, a.id).toBeDefined()
      const text = sourceText(source!.contentHash)
      const { start, end } = a.target.position
      const { exact, prefix, suffix } = a.target.quote
      expect(text.slice(start, end), a.id).toBe(exact)
      expect(text.slice(Math.max(0, start - CONTEXT_LENGTH), start), a.id).toBe(prefix)
      expect(text.slice(end, end + CONTEXT_LENGTH), a.id).toBe(suffix)
      expect(text.indexOf(exact), a.id).toBe(text.lastIndexOf(exact))
      expect(a.anchor.state).toBe('exact')
    }
  })

  it('has the eight named groups besides the Taliban', () => {
    const groups = committed.entities.filter((e) => e.type === 'group')
    expect(groups.filter((g) => g.name === 'Taliban')).toHaveLength(1)
    const others = groups.filter((g) => g.name !== 'Taliban').map((g) => g.name)
    expect(others.sort()).toEqual([...GROUP_NAMES].sort())
  })

  it('backs every relation with evidence, and every group opposes the Taliban', () => {
    for (const r of committed.relations) expect(r.evidence.length, r.id).toBeGreaterThanOrEqual(1)
    const taliban = committed.entities.find((e) => e.name === 'Taliban')!
    const opposers = new Set(
      committed.relations
        .filter((r) => r.type === 'opposes' && r.to === taliban.id)
        .map((r) => r.from),
    )
    for (const g of committed.entities.filter((e) => e.type === 'group' && e.id !== taliban.id)) {
      expect(opposers.has(g.id), g.name).toBe(true)
    }
  })

  it('knows that Ahmad Masoud leads the NRF, which operates in Panjshir', () => {
    const byName = (name: string) => committed.entities.find((e) => e.name === name)!.id
    const nrf = byName('National Resistance Front')
    const has = (type: string, from: string, to: string) =>
      committed.relations.some((r) => r.type === type && r.from === from && r.to === to)
    expect(has('leads', byName('Ahmad Masoud'), nrf)).toBe(true)
    expect(has('operates-in', nrf, byName('Panjshir'))).toBe(true)
    const family = committed.relations.find(
      (r) =>
        r.type === 'related-to' &&
        r.from === byName('Ahmad Masoud') &&
        r.to === byName('Ahmad Shah Masoud'),
    )
    expect(family?.comment).toBe('son of')
  })

  it('contains Arabic-script text in a source and in an annotation', () => {
    const arabic = /[\u0600-\u06FF]/
    expect(committed.sources.some((s) => arabic.test(sourceText(s.contentHash)))).toBe(true)
    expect(committed.annotations.some((a) => arabic.test(a.target.quote.exact))).toBe(true)
  })

  it('grades the 70% consolidation as a self-reported, unconfirmed claim', () => {
    const claim = committed.annotations.find((a) => a.target.quote.exact.includes('70%'))!
    expect(claim.kind).toBe('claim')
    expect(claim.credibility).toBeGreaterThanOrEqual(4)
    expect(claim.tags).toContain('self-reported')
  })

  it('teaches with sources of different kinds and reliability, one claim contradicted by two', () => {
    const kinds = new Set(committed.sources.map((s) => s.kind))
    const grades = new Set(committed.sources.map((s) => s.reliability))
    expect(committed.sources.length).toBeGreaterThanOrEqual(5)
    expect(kinds.size).toBeGreaterThanOrEqual(3)
    expect(grades.size).toBeGreaterThanOrEqual(3)
    const claim = committed.annotations.find((a) => a.id === 'ann-statement-70')!
    expect(claim.kind).toBe('claim')
    const against = committed.annotations.filter((a) => a.tags.includes('contradicts-70-claim'))
    const sources = new Set(against.map((a) => a.sourceId))
    expect(sources.size).toBe(2)
    expect(sources.has(claim.sourceId)).toBe(false)
    for (const a of against) expect(a.entityIds).toEqual(claim.entityIds)
    const statement = committed.sources.find((s) => s.id === claim.sourceId)!
    expect(statement.reliability).toBe('E')
  })

  it('catches dangling references', () => {
    const broken = structuredClone(committed)
    broken.relations[0]!.evidence = ['ann-missing']
    broken.notes[0]!.body += '\n[x](entity:nobody)'
    const problems = checkReferences(broken)
    expect(problems.some((p) => p.includes('ann-missing'))).toBe(true)
    expect(problems.some((p) => p.includes('"nobody"'))).toBe(true)
  })
})
