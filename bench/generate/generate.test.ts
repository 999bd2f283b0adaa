import { createHash } from 'node:crypto'
import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { afterEach, beforeAll, describe, expect, it } from 'vitest'
import { findIntegrityProblems } from '../../src/main/core/integrity'
import { ProjectStore } from '../../src/main/core/project-store'
import { tempDir } from '../../test/support/folders'
import { locateQuote } from '../../src/shared/anchoring'
import {
  KNOWN_ENTITY_TYPES,
  ProjectFile,
  TYPED_ATTRIBUTES,
  type KnownEntityType,
} from '../../src/shared/model'
import { normalizeText } from '../../src/shared/text'
import { generateProject, PRESETS, writeProjectFolder, type GeneratedProject } from '.'

const ARABIC_SCRIPT = /[\u0600-\u06FF]/

/** The entity types each relation type may join, as an analyst would read them. */
const RELATION_ENDS: Record<string, { from: KnownEntityType[]; to: KnownEntityType[] }> = {
  leads: { from: ['person'], to: ['group'] },
  'member-of': { from: ['person'], to: ['group'] },
  'operates-in': { from: ['group'], to: ['place'] },
  'draws-support-from': { from: ['group'], to: ['community'] },
  'allied-with': { from: ['group'], to: ['group'] },
  'rival-of': { from: ['group'], to: ['group'] },
  'splinter-of': { from: ['group'], to: ['group'] },
  opposes: { from: ['group'], to: ['group'] },
  'related-to': { from: [...KNOWN_ENTITY_TYPES], to: [...KNOWN_ENTITY_TYPES] },
}

describe('generateProject on the small preset', () => {
  let project: GeneratedProject
  beforeAll(() => {
    project = generateProject({ ...PRESETS.small, seed: 7 })
  })

  it('holds exactly the counts asked for', () => {
    const { file } = project
    expect({
      sources: file.sources.length,
      annotations: file.annotations.length,
      entities: file.entities.length,
      relations: file.relations.length,
      notes: file.notes.length,
    }).toEqual(PRESETS.small)
    expect(project.texts.size).toBe(file.sources.length)
  })

  it('is the same project for the same seed, and another for another seed', () => {
    const again = generateProject({ ...PRESETS.small, seed: 7 })
    expect(JSON.stringify(again.file)).toBe(JSON.stringify(project.file))
    expect([...again.texts]).toEqual([...project.texts])
    const other = generateProject({ ...PRESETS.small, seed: 8 })
    expect(other.file.sources[0]!.contentHash).not.toBe(project.file.sources[0]!.contentHash)
  })

  it('validates against ProjectFile and has no integrity problem', () => {
    expect(ProjectFile.safeParse(project.file).success).toBe(true)
    expect(findIntegrityProblems(project.file)).toEqual([])
  })

  it('stores normalized texts of 1 to 20 KB under their sha256 and length', () => {
    for (const source of project.file.sources) {
      const text = project.texts.get(source.contentHash)!
      expect(normalizeText(text)).toBe(text)
      expect(createHash('sha256').update(text, 'utf8').digest('hex')).toBe(source.contentHash)
      expect(source.length).toBe(text.length)
      expect(Buffer.byteLength(text)).toBeGreaterThanOrEqual(1_000)
      expect(Buffer.byteLength(text)).toBeLessThan(22_000)
    }
  })

  it('anchors every annotation: its position slices to its exact text, with its context', () => {
    const textOf = new Map(
      project.file.sources.map((s) => [s.id, project.texts.get(s.contentHash)!]),
    )
    for (const annotation of project.file.annotations) {
      const text = textOf.get(annotation.sourceId)!
      const { quote, position } = annotation.target
      expect(text.slice(position.start, position.end)).toBe(quote.exact)
      expect(text.slice(0, position.start).endsWith(quote.prefix)).toBe(true)
      expect(text.slice(position.end).startsWith(quote.suffix)).toBe(true)
      expect(locateQuote(text, quote.exact, quote.prefix, quote.suffix)).toEqual({
        start: position.start,
        end: position.end,
      })
    }
  })

  it('writes Arabic-script passages, quotes and aliases', () => {
    const texts = [...project.texts.values()]
    expect(texts.filter((t) => ARABIC_SCRIPT.test(t)).length).toBeGreaterThan(0)
    expect(project.file.sources.some((s) => s.language === 'fa-AF' || s.language === 'ps')).toBe(
      true,
    )
    expect(project.file.annotations.some((a) => ARABIC_SCRIPT.test(a.target.quote.exact))).toBe(
      true,
    )
    expect(project.file.entities.some((e) => e.aliases.some((a) => ARABIC_SCRIPT.test(a)))).toBe(
      true,
    )
  })

  it('makes entities of all four types whose attributes fit their type', () => {
    for (const type of KNOWN_ENTITY_TYPES) {
      const ofType = project.file.entities.filter((e) => e.type === type)
      expect(ofType.length, type).toBeGreaterThan(0)
      expect(
        ofType.some((e) => Object.keys(e.attributes).length > 0),
        type,
      ).toBe(true)
      const shape = TYPED_ATTRIBUTES[type]
      for (const entity of ofType) {
        const typed = Object.fromEntries(
          Object.entries(entity.attributes).filter(([key]) => key in shape.shape),
        )
        expect(shape.safeParse(typed).success, entity.name).toBe(true)
      }
    }
  })

  it('joins the right entity types with each relation, most of them backed by quotes on both ends', () => {
    const typeOf = new Map(project.file.entities.map((e) => [e.id, e.type as KnownEntityType]))
    const annotationById = new Map(project.file.annotations.map((a) => [a.id, a]))
    let supported = 0
    for (const relation of project.file.relations) {
      const ends = RELATION_ENDS[relation.type]!
      expect(ends.from, relation.type).toContain(typeOf.get(relation.from))
      expect(ends.to, relation.type).toContain(typeOf.get(relation.to))
      if (relation.evidence.length > 0) supported++
      for (const id of relation.evidence) {
        expect(annotationById.get(id)!.entityIds).toEqual([relation.from, relation.to])
      }
    }
    // 500 quotes cannot back 800 relations; a third is a floor that still catches a bug.
    expect(supported).toBeGreaterThan(project.file.relations.length / 3)
  })

  it('writes notes in Markdown whose citations and mentions all resolve', () => {
    const annotationIds = new Set(project.file.annotations.map((a) => a.id))
    const entityIds = new Set(project.file.entities.map((e) => e.id))
    let citations = 0
    let mentions = 0
    for (const note of project.file.notes) {
      expect(note.body.startsWith(`# ${note.title}\n`)).toBe(true)
      for (const [, scheme, id] of note.body.matchAll(/\]\((quote|entity):([^)]+)\)/g)) {
        if (scheme === 'quote') {
          citations++
          expect(annotationIds.has(id!)).toBe(true)
        } else {
          mentions++
          expect(entityIds.has(id!)).toBe(true)
        }
      }
    }
    expect(citations).toBeGreaterThan(project.file.notes.length)
    expect(mentions).toBeGreaterThan(project.file.notes.length)
  })
})

describe('generateProject with explicit counts', () => {
  it('honours tiny and zero counts', () => {
    const tiny = generateProject({
      sources: 2,
      annotations: 3,
      entities: 4,
      relations: 2,
      notes: 1,
      seed: 3,
    })
    expect(tiny.file.sources).toHaveLength(2)
    expect(tiny.file.annotations).toHaveLength(3)
    expect(tiny.file.entities.map((e) => e.type).sort()).toEqual([
      'community',
      'group',
      'person',
      'place',
    ])
    expect(tiny.file.relations).toHaveLength(2)
    expect(tiny.file.notes).toHaveLength(1)
    const empty = generateProject({
      sources: 0,
      annotations: 0,
      entities: 0,
      relations: 0,
      notes: 0,
    })
    expect(ProjectFile.safeParse(empty.file).success).toBe(true)
  })

  it('refuses counts it cannot honour', () => {
    const base = { sources: 1, annotations: 0, entities: 10, relations: 0, notes: 0 }
    expect(() => generateProject({ ...base, sources: -1 })).toThrow(/sources/)
    expect(() => generateProject({ ...base, entities: 2, relations: 1 })).toThrow(/4 entities/)
    expect(() => generateProject({ ...base, sources: 0, annotations: 1 })).toThrow(/source/)
  })
})

describe('writeProjectFolder', () => {
  let cleanup: (() => Promise<void>) | undefined
  afterEach(async () => {
    await cleanup?.()
    cleanup = undefined
  })

  it('lays out a folder the real store opens, and refuses to overwrite one', async () => {
    const temp = await tempDir('sightline-gen-')
    cleanup = temp.cleanup
    const project = generateProject({
      sources: 5,
      annotations: 40,
      entities: 30,
      relations: 40,
      notes: 3,
      seed: 11,
    })
    const written = await writeProjectFolder(temp.path, project)
    expect(written.projectBytes).toBe((await readFile(written.projectFile)).length)
    const files = await readdir(join(temp.path, 'sources'))
    expect(files.sort()).toEqual(project.file.sources.map((s) => `${s.contentHash}.txt`).sort())

    const store = await ProjectStore.open(temp.path)
    expect(store.data).toEqual(project.file)
    const first = project.file.sources[0]!
    expect(await store.readSourceText(first.contentHash)).toBe(project.texts.get(first.contentHash))
    await store.close()

    await expect(writeProjectFolder(temp.path, project)).rejects.toThrow(/already holds/)
    await expect(writeProjectFolder(temp.path, project, { overwrite: true })).resolves.toBeDefined()
  })
})
