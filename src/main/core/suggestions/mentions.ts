/**
 * Where a sentence names an entity: its names and aliases (longest match first), and the
 * words that stand for one already named — "it", "its", "the front", "his men" — read as
 * the group or person the text was last talking about.
 */
import type { DocEntity, NameTrie } from './catalog'
import type { TokenView } from './names'
import { GROUP_NOUNS } from './reference'
import type { Sentence } from './text-units'

export interface Mention {
  /** Characters in the text. */
  start: number
  end: number
  /** Tokens [firstToken, endToken). */
  firstToken: number
  endToken: number
  key: string
  type: string
  possessive: boolean
  /** The words a pronoun, "the front" or "his men" were read from; absent for names. */
  anaphor?: string
}

/** Nouns after a person that mean the group behind them: "Noori's men", "his fighters". */
const FORCE_NOUNS = new Set([
  'men',
  'fighters',
  'forces',
  'troops',
  'followers',
  'supporters',
  'militia',
  'militiamen',
  'loyalists',
  'unit',
  'units',
])
const GROUP_PRONOUNS = new Set(['it', 'its', 'they', 'their', 'itself', 'themselves'])
const REFLEXIVES = new Set(['itself', 'themselves'])
const PERSON_PRONOUNS = new Set(['he', 'his', 'him'])
/** How many sentences back a pronoun may reach. */
const REACH = 5

/** Names in the sentence: the longest known name at each word. */
export function namedMentions(
  view: TokenView,
  sentence: Sentence,
  trie: NameTrie,
  entities: ReadonlyMap<string, DocEntity>,
  words: readonly string[],
): Mention[] {
  const tokens = view.tokens
  const mentions: Mention[] = []
  for (let i = sentence.firstToken; i < sentence.endToken;) {
    const found = trie.match(words, i, sentence.endToken)
    const entity = found && entities.get(found[1])
    if (found && entity) {
      const last = tokens[i + found[0] - 1]!
      mentions.push({
        start: tokens[i]!.start,
        end: last.end,
        firstToken: i,
        endToken: i + found[0],
        key: entity.key,
        type: entity.type,
        possessive: last.possessive,
      })
      i += found[0]
      continue
    }
    // "Pashtun-based", "Taliban-held": the name before the hyphen.
    const token = tokens[i]!
    const hyphen = token.folded.indexOf('-')
    if (hyphen > 0) {
      const head = trie.match([token.folded.slice(0, hyphen)], 0, 1)
      const headEntity = head && entities.get(head[1])
      if (headEntity) {
        mentions.push({
          start: token.start,
          end: token.start + token.text.indexOf('-'),
          firstToken: i,
          endToken: i + 1,
          key: headEntity.key,
          type: headEntity.type,
          possessive: false,
        })
      }
    }
    i++
  }
  return mentions
}

interface Remembered {
  paragraph: number
  /** In text order: the first group of a sentence is its subject as often as not. */
  groups: string[]
  people: string[]
}

/**
 * What the text has been talking about, sentence by sentence, to read pronouns with.
 * Deliberately simple: the subject of the last sentences, or the last group whose name
 * holds the noun ("the council" after "Western Unity Council").
 */
export class Discourse {
  private readonly recent: Remembered[] = []

  constructor(
    private readonly view: TokenView,
    private readonly entities: ReadonlyMap<string, DocEntity>,
    /** The group a person leads or belongs to, as the text or the project says. */
    private readonly groupOf: (personKey: string) => string | undefined,
  ) {}

  /** Adds the sentence's pronouns and "his men" to its names, in text order. */
  read(sentence: Sentence, named: Mention[]): Mention[] {
    const tokens = this.view.tokens
    const mentions = [...named]
    const byToken = new Map<number, Mention>()
    for (const m of named) for (let i = m.firstToken; i < m.endToken; i++) byToken.set(i, m)
    const earlier = (position: number, type: string): Mention[] =>
      mentions.filter((m) => m.type === type && m.end <= position).sort((a, b) => a.start - b.start)

    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      if (byToken.has(i)) continue
      const token = tokens[i]!
      const word = token.folded
      let anaphor: Mention | undefined
      if (GROUP_PRONOUNS.has(word)) {
        const before = earlier(token.start, 'group')
        // "a coalition calling itself the Western Unity Council": the name follows.
        if (REFLEXIVES.has(word) && before.length === 0) continue
        const key = this.groupFor(sentence, undefined, before)
        if (key) anaphor = this.anaphor(i, i + 1, key, 'group')
      } else if (PERSON_PRONOUNS.has(word)) {
        const key = earlier(token.start, 'person').at(-1)?.key ?? this.recentPerson()
        if (key) anaphor = this.anaphor(i, i + 1, key, 'person')
      } else if (word === 'the' && i + 1 < sentence.endToken) {
        const noun = tokens[i + 1]!
        const after = tokens[i + 2]
        if (
          GROUP_NOUNS.has(noun.folded) &&
          !noun.capitalized &&
          this.view.spaceBefore(i + 1) &&
          !(after?.capitalized && this.view.spaceBefore(i + 2))
        ) {
          const key = this.groupFor(sentence, noun.folded, earlier(token.start, 'group'))
          if (key) {
            anaphor = this.anaphor(i, i + 2, key, 'group')
            i++
          }
        }
      }
      if (anaphor) mentions.push(anaphor)
    }
    mentions.sort((a, b) => a.start - b.start)

    // "Noori's men", "his fighters": the group the person leads or belongs to.
    for (let k = 0; k < mentions.length; k++) {
      const m = mentions[k]!
      if (m.type !== 'person') continue
      const next = tokens[m.endToken]
      const isPossessive = m.possessive || tokens[m.firstToken]!.folded === 'his'
      if (
        !next ||
        !isPossessive ||
        !FORCE_NOUNS.has(next.folded) ||
        m.endToken >= sentence.endToken
      )
        continue
      const group = this.groupOf(m.key)
      if (!group) continue
      mentions[k] = {
        ...m,
        end: next.end,
        endToken: m.endToken + 1,
        key: group,
        type: 'group',
        possessive: false,
        anaphor: this.view.span(m.firstToken, m.endToken + 1),
      }
    }
    return mentions
  }

  /** Records what the sentence talked about, for the next ones. */
  remember(sentence: Sentence, mentions: readonly Mention[]): void {
    this.recent.push({
      paragraph: sentence.paragraph,
      groups: mentions.filter((m) => m.type === 'group').map((m) => m.key),
      people: mentions.filter((m) => m.type === 'person').map((m) => m.key),
    })
    if (this.recent.length > REACH) this.recent.shift()
  }

  private anaphor(first: number, end: number, key: string, type: string): Mention {
    const tokens = this.view.tokens
    return {
      start: tokens[first]!.start,
      end: tokens[end - 1]!.end,
      firstToken: first,
      endToken: end,
      key,
      type,
      possessive: tokens[end - 1]!.possessive,
      anaphor: this.view.span(first, end),
    }
  }

  /**
   * The group a pronoun or "the <noun>" stands for: a group named earlier in the sentence,
   * else the subject of the last sentences. "The council" prefers a group of this paragraph
   * whose name holds the word; across paragraphs the last subject wins ("the movement" after
   * "The Taliban's response" is the Taliban, not a Movement named further up).
   */
  private groupFor(
    sentence: Sentence,
    noun: string | undefined,
    earlierInSentence: Mention[],
  ): string | undefined {
    const recent = [...this.recent].reverse()
    const candidates = [...earlierInSentence.map((m) => m.key), ...recent.flatMap((r) => r.groups)]
    if (candidates.length === 0) return undefined
    if (noun && noun !== 'group' && noun !== 'organisation' && noun !== 'organization') {
      const singular = noun.replace(/s$/, '')
      const holdsNoun = (key: string): boolean =>
        new RegExp(`\\b${singular}s?\\b`).test(this.entities.get(key)?.name.toLowerCase() ?? '')
      const sameParagraph = [
        ...earlierInSentence.map((m) => m.key),
        ...recent.filter((r) => r.paragraph === sentence.paragraph).flatMap((r) => r.groups),
      ]
      const named =
        sameParagraph.find(holdsNoun) ?? recent.find((r) => r.groups.length)?.groups.find(holdsNoun)
      if (named) return named
    }
    return candidates[0]
  }

  private recentPerson(): string | undefined {
    for (let i = this.recent.length - 1; i >= 0; i--) {
      const people = this.recent[i]!.people
      if (people.length > 0) return people.at(-1)
    }
    return undefined
  }
}
