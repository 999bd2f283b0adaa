import type { Annotation, Note, Relation } from '../../src/shared/model'
import { DAY_MS, FIRST_DAY, type Clock } from './clock'
import type { Cast, CastMember } from './entities'
import { fillerSentence } from './prose'
import type { Random } from './random'
import * as W from './words'

export function makeNotes(
  rnd: Random,
  clock: Clock,
  cast: Cast,
  relations: Relation[],
  annotations: Annotation[],
  count: number,
): Note[] {
  const relationsByEntity = new Map<string, Relation[]>()
  for (const relation of relations) {
    for (const end of [relation.from, relation.to]) {
      const list = relationsByEntity.get(end) ?? []
      list.push(relation)
      relationsByEntity.set(end, list)
    }
  }
  const annotationById = new Map(annotations.map((a) => [a.id, a]))
  const groups = cast.byType.group
  const notes: Note[] = []
  for (let i = 0; i < count; i++) {
    const focus = groups.length > 0 ? groups[rnd.skewedIndex(groups.length, 1.6)] : undefined
    const touching = focus ? (relationsByEntity.get(focus.entity.id) ?? []) : []
    /** A citation of a quote behind `relation` (or behind any of the focus's relations). */
    const cite = (relation = touching.length > 0 ? rnd.pick(touching) : undefined): string => {
      const id =
        relation && relation.evidence.length > 0
          ? rnd.pick(relation.evidence)
          : annotations.length > 0
            ? rnd.pick(annotations).id
            : undefined
      const annotation = id ? annotationById.get(id) : undefined
      if (!annotation) return ''
      return ` ([${excerpt(rnd, annotation.target.quote.exact)}](quote:${annotation.id}))`
    }
    const mention = (member: CastMember): string =>
      `[${member.entity.name}](entity:${member.entity.id})`
    const title = focus
      ? rnd.pick([
          `${focus.entity.name}: leadership and reach`,
          `Open questions on ${focus.entity.name}`,
          `${focus.entity.name} — working notes`,
          `What we know about ${focus.entity.name}`,
        ])
      : `Weekly summary ${clock.date(clock.day())}`
    const target = rnd.logUniform(400, 8_000)
    const parts = [`# ${title}`, '']
    const intro = [fillerSentence(rnd, 'latin')]
    if (focus) intro.push(`This note follows ${mention(focus)}${cite()}.`)
    intro.push(fillerSentence(rnd, 'latin'))
    parts.push(intro.join(' '), '')
    let length = parts.join('\n').length
    for (const heading of rnd.shuffle([...W.NOTE_HEADINGS])) {
      if (length >= target) break
      parts.push(`## ${heading}`, '')
      for (const relation of rnd.sample(touching, rnd.int(1, 4))) {
        const other = cast.byId.get(
          relation.from === focus?.entity.id ? relation.to : relation.from,
        )
        if (!other) continue
        parts.push(`- ${mention(other)}: ${relation.type.replaceAll('-', ' ')}${cite(relation)}`)
      }
      parts.push('')
      for (let p = rnd.int(1, 3); p > 0; p--) {
        const sentences: string[] = []
        for (let s = rnd.int(2, 5); s > 0; s--) {
          const sentence = fillerSentence(rnd, 'latin')
          sentences.push(rnd.chance(0.4) ? sentence.replace(/\.$/, `${cite()}.`) : sentence)
        }
        if (rnd.chance(0.3)) sentences.push(`Compare ${mention(rnd.pick(cast.all))}.`)
        parts.push(sentences.join(' '), '')
      }
      length = parts.join('\n').length
    }
    const stamps = clock.stamps(FIRST_DAY + 200 * DAY_MS, 1000)
    notes.push({
      id: rnd.uuid(),
      createdAt: stamps.createdAt,
      updatedAt: stamps.updatedAt,
      title,
      body: parts.join('\n').trimEnd() + '\n',
    })
  }
  return notes
}

/** The first few words of a quote, as an analyst would write a citation's link text. */
function excerpt(rnd: Random, exact: string): string {
  const words = exact.split(' ').slice(0, rnd.int(3, 7)).join(' ')
  return words.replace(/[.,;:?!؟]+$/, '')
}
