/**
 * New names in a text: "Full Name (ACRONYM)", capitalised organisation names with a cue word
 * ("… Front", "Council of …"), person names (wink-nlp tags them), places by their context
 * ("Dara district", "the capital of …", the list after "operating in"), and the aliases
 * written in brackets after a name (its Dari form). Each is registered once, with the
 * spellings that find its later mentions.
 */
import { newEntityKey, nameTokens, addSurname, type DocEntity, type NameTrie } from './catalog'
import { properNounRuns, type TaggingRequest } from './person-names'
import {
  FUNCTION_WORDS,
  NOT_PERSON_WORDS,
  NOT_PLACES,
  ORGANISATION_PREFIXES,
  ORGANISATION_WORDS,
  PERSON_TITLES,
  PLACE_KIND_WORDS,
} from './reference'
import type { Sentence, TextUnits, Token } from './text-units'

/** Lower-case words allowed inside a capitalised name ("Council of Hazara Elders"). */
const CONNECTORS = new Set(['of', 'for', 'al', 'el', 'e', 'i', 'ul', 'ud', 'wa', 'bin', 'ibn'])
/** "the" only after "of" or "for": "Front for the Liberation of …". */
const CONNECTORS_BEFORE_THE = new Set(['of', 'for'])

/** Cues after which a list of places follows: "operating in Panjshir, Andarab and Kapisa". */
export const OPERATES_IN_CUE =
  /\b(?:active|operating|operate|operates|operated|operations|operation|present|presence|based|attacks|raids|strongholds?|cells|bases|move|moves|moving)(?:\s+(?:mainly|mostly|chiefly|largely|also|only|primarily|now|still|openly|freely))?\s+(?:in|across|throughout|between)\b/gi

/** Lower-case words that may sit inside a list of places. */
export const LIST_GLUE = new Set([
  'and',
  'or',
  'in',
  'the',
  'of',
  'parts',
  'part',
  'western',
  'eastern',
  'northern',
  'southern',
  'central',
  'upper',
  'lower',
  'areas',
  'area',
  'districts',
  'district',
  'provinces',
  'province',
  'valley',
  'also',
  'as',
  'well',
  'neighbouring',
  'neighboring',
  'some',
  'several',
  'across',
])

/** Prepositions after which a lone unknown capitalised word is taken for a place. */
const PLACE_PREPOSITIONS = new Set([
  'in',
  'near',
  'around',
  'outside',
  'across',
  'towards',
  'toward',
  'to',
  'from',
  'at',
])

/** Token access shared by the finders: words, the text between them, capitalised runs. */
export class TokenView {
  /** Each sentence's capitalised runs: four finders ask for them. */
  private readonly runsBySentence = new Map<number, Array<[number, number]>>()

  constructor(readonly units: TextUnits) {}

  get tokens(): Token[] {
    return this.units.tokens
  }

  /** The text between token i - 1 and token i. */
  gap(i: number): string {
    const tokens = this.units.tokens
    const before = i > 0 ? tokens[i - 1]!.end : 0
    return this.units.text.slice(before, tokens[i]!.start)
  }

  /** Whether exactly one space separates token i from the one before (a name goes on). */
  spaceBefore(i: number): boolean {
    const tokens = this.units.tokens
    const before = i > 0 ? tokens[i - 1]!.end : 0
    return tokens[i]!.start - before === 1 && this.units.text.charCodeAt(before) === 32
  }

  /** Whether the text between token i - 1 and token i ends in "(" and spaces. */
  private opensBracketBefore(i: number): boolean {
    const tokens = this.units.tokens
    const text = this.units.text
    const before = i > 0 ? tokens[i - 1]!.end : 0
    let k = tokens[i]!.start - 1
    while (k >= before && isSpaceCode(text.charCodeAt(k))) k--
    return k >= before && text.charCodeAt(k) === 40
  }

  /** The text of tokens [first, end). */
  span(first: number, end: number): string {
    return this.units.text.slice(this.tokens[first]!.start, this.tokens[end - 1]!.end)
  }

  /** Maximal runs of capitalised words joined by spaces and connectors, as [first, end). */
  capitalizedRuns(sentence: Sentence): Array<[number, number]> {
    let runs = this.runsBySentence.get(sentence.index)
    if (!runs) {
      runs = this.findCapitalizedRuns(sentence)
      this.runsBySentence.set(sentence.index, runs)
    }
    return runs
  }

  private findCapitalizedRuns(sentence: Sentence): Array<[number, number]> {
    const tokens = this.tokens
    const runs: Array<[number, number]> = []
    let i = sentence.firstToken
    while (i < sentence.endToken) {
      if (!tokens[i]!.capitalized) {
        i++
        continue
      }
      let lastCapital = i
      let k = i + 1
      while (k < sentence.endToken && this.spaceBefore(k) && !tokens[k - 1]!.possessive) {
        const token = tokens[k]!
        if (token.capitalized) lastCapital = k
        else if (!(
          CONNECTORS.has(token.folded) ||
          (token.folded === 'the' && CONNECTORS_BEFORE_THE.has(tokens[k - 1]!.folded))
        ))
          break
        k++
      }
      runs.push([i, lastCapital + 1])
      i = lastCapital + 1
    }
    return runs
  }

  /** Whether token i is followed by an opening bracket and the bracket's content ends at j. */
  bracketAfter(i: number, sentence: Sentence): [number, number] | undefined {
    if (i + 1 >= sentence.endToken || !this.opensBracketBefore(i + 1)) return undefined
    for (let j = i + 1; j < sentence.endToken; j++) {
      if (j + 1 < sentence.endToken && /\)/.test(this.gap(j + 1)))
        return /^[\s]*$/.test(this.gap(j + 1).split(')')[0]!) ? [i + 1, j + 1] : undefined
      if (j + 1 === sentence.endToken) {
        const rest = this.units.text.slice(this.tokens[j]!.end, sentence.end)
        return /^\s*\)/.test(rest) ? [i + 1, j + 1] : undefined
      }
      if (j > i + 1 && !/^\s+$/.test(this.gap(j))) return undefined
    }
    return undefined
  }
}

/** What `\s` matches, by char code: spaces are tested once per word. */
function isSpaceCode(code: number): boolean {
  if (code === 32 || (code >= 9 && code <= 13)) return true
  if (code < 0xa0) return false
  return (
    code === 0xa0 ||
    code === 0x1680 ||
    (code >= 0x2000 && code <= 0x200a) ||
    code === 0x2028 ||
    code === 0x2029 ||
    code === 0x202f ||
    code === 0x205f ||
    code === 0x3000 ||
    code === 0xfeff
  )
}

const TRIBE_WORDS = new Set(['tribe', 'tribes', 'clan', 'clans'])

/**
 * Whether "of" (or "of the") comes right before token `first`: what "the capital of …" needs,
 * checked on tokens before its regex reads the text.
 */
function afterOf(tokens: readonly Token[], first: number): boolean {
  const before = tokens[first - 1]
  if (!before) return false
  return before.folded === 'of' || (before.folded === 'the' && tokens[first - 2]?.folded === 'of')
}

function isOrganisationWord(token: Token, first: boolean): boolean {
  if (ORGANISATION_WORDS.has(token.folded)) return true
  return first && ORGANISATION_PREFIXES.has(token.folded.split('-')[0]!)
}

/** Initials of a run of words, skipping connectors; also by the parts of hyphenated words. */
function initials(tokens: readonly Token[]): string[] {
  const byWord = tokens
    .filter((t) => !CONNECTORS.has(t.folded) && t.folded !== 'the')
    .map((t) => t.folded[0]!)
    .join('')
  const byPart = tokens
    .flatMap((t) => t.folded.split('-'))
    .filter((part) => part && !CONNECTORS.has(part) && part !== 'the')
    .map((part) => part[0]!)
    .join('')
  return [byWord, byPart]
}

/** Finds the new names of a text and registers them; the trie then finds their mentions. */
export class NameFinder {
  private readonly view: TokenView
  /** Tokens already taken by a name found here, so a later rule does not read them again. */
  private readonly taken = new Set<number>()
  /** Bracketed words that belong to the name before them (an alias), not names of their own. */
  private readonly bracketed = new Set<number>()

  constructor(
    private readonly units: TextUnits,
    private readonly entities: Map<string, DocEntity>,
    private readonly trie: NameTrie,
  ) {
    this.view = new TokenView(units)
  }

  run(): void {
    const { sentences } = this.units
    for (const sentence of sentences) this.markBrackets(sentence)
    for (const sentence of sentences) this.findAcronyms(sentence)
    for (const sentence of sentences) this.findOrganisations(sentence)
    this.findPeople(sentences)
    for (const sentence of sentences) this.findPlaces(sentence)
    for (const sentence of sentences) this.findTribes(sentence)
    for (const sentence of sentences) this.findBracketAliases(sentence)
  }

  private known(i: number, end: number): [number, DocEntity] | undefined {
    const found = this.trie.match(this.units.words, i, end)
    if (!found) return undefined
    const entity = this.entities.get(found[1])
    return entity ? [found[0], entity] : undefined
  }

  /** A name in the exact span [first, end), if the trie holds one. */
  private knownExactly(first: number, end: number): DocEntity | undefined {
    const found = this.known(first, end)
    return found && found[0] === end - first ? found[1] : undefined
  }

  private register(
    type: string,
    first: number,
    end: number,
    found: string,
    extra: { aliases?: string[]; attributes?: Record<string, string | number> } = {},
  ): DocEntity {
    const name = this.view.span(first, end)
    const key = newEntityKey(type, name)
    let entity = this.entities.get(key)
    if (!entity) {
      entity = {
        key,
        type,
        name,
        status: 'new',
        aliases: new Set(),
        attributes: { ...extra.attributes },
        found,
      }
      this.entities.set(key, entity)
      this.trie.add(name, key)
      if (type === 'person') addSurname(this.trie, name, key)
    }
    for (const alias of extra.aliases ?? []) this.addAlias(entity, alias)
    for (let i = first; i < end; i++) this.taken.add(i)
    return entity
  }

  private addAlias(entity: DocEntity, alias: string, weak = false): void {
    if (nameTokens(alias).join(' ') === nameTokens(entity.name).join(' ')) return
    if (entity.status === 'new' && !weak) entity.aliases.add(alias)
    this.trie.add(alias, entity.key, weak)
  }

  /** Words in brackets right after a capitalised name: an acronym or an alias, not a name. */
  private markBrackets(sentence: Sentence): void {
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const bracket = this.view.bracketAfter(i, sentence)
      if (!bracket) continue
      const [first, end] = bracket
      const tokens = this.view.tokens
      if (!tokens[i]!.capitalized && !tokens[i]!.arabic) continue
      for (let k = first; k < end; k++) this.bracketed.add(k)
    }
  }

  /** "The National Resistance Front (NRF)": the name whose initials spell the acronym. */
  private findAcronyms(sentence: Sentence): void {
    const tokens = this.view.tokens
    for (const [first, end] of this.view.capitalizedRuns(sentence)) {
      const bracket = this.view.bracketAfter(end - 1, sentence)
      if (!bracket || bracket[1] - bracket[0] !== 1) continue
      const acronym = tokens[bracket[0]]!
      if (!acronym.allCaps || acronym.text.length > 10) continue
      const letters = acronym.folded.replace(/-/g, '')
      let start = -1
      for (let a = end - 1; a >= first; a--) {
        if (initials(tokens.slice(a, end)).includes(letters)) {
          start = a
          break
        }
      }
      if (start === -1) {
        // The initials do not spell it (a translated name): an organisation name still takes it.
        start = first
        while (start < end && FUNCTION_WORDS.has(tokens[start]!.folded)) start++
        const words = tokens.slice(start, end)
        if (!words.some((t, k) => isOrganisationWord(t, k === 0)) || end - start < 2) continue
      }
      const known = this.knownExactly(start, end)
      if (known) {
        this.addAlias(known, acronym.text)
        if (known.status === 'new' && known.type === 'group')
          known.attributes.acronym = acronym.text
        for (let i = start; i < end; i++) this.taken.add(i)
        continue
      }
      const entity = this.register('group', start, end, 'a name with its acronym in brackets', {
        aliases: [acronym.text],
        attributes: { acronym: acronym.text },
      })
      // A name without an organisation word is often called by its head word: "the Tigers".
      const words = tokens.slice(start, end)
      if (!words.some((t, k) => isOrganisationWord(t, k === 0))) {
        const head = words.findIndex((t) => t.folded === 'of')
        const headWord = words[(head > 0 ? head : words.length) - 1]
        if (headWord && headWord.text.length > 3) this.addAlias(entity, headWord.text, true)
      }
    }
  }

  /** Capitalised names holding an organisation word: "Andarab Mountain Brigade". */
  private findOrganisations(sentence: Sentence): void {
    const tokens = this.view.tokens
    for (const [runFirst, end] of this.view.capitalizedRuns(sentence)) {
      let first = runFirst
      while (first < end && FUNCTION_WORDS.has(tokens[first]!.folded)) first++
      if (end - first < 2 || this.bracketed.has(first) || this.taken.has(first)) continue
      const words = tokens.slice(first, end)
      if (!words.some((t, k) => isOrganisationWord(t, k === 0))) continue
      if (words.some((t) => t.allCaps)) continue
      if (this.knownExactly(first, end)) continue
      this.register('group', first, end, 'an organisation name (Front, Council, Movement…)')
    }
  }

  /** Runs of capitalised words that wink-nlp tags as proper nouns, titles taken off. */
  private findPeople(sentences: readonly Sentence[]): void {
    const tokens = this.view.tokens
    interface Candidate {
      first: number
      end: number
      title?: number
    }
    const requests: TaggingRequest[] = []
    const candidates: Candidate[][] = []
    for (const sentence of sentences) {
      const found: Candidate[] = []
      for (const [runFirst, end] of this.view.capitalizedRuns(sentence)) {
        let first = runFirst
        while (
          first < end &&
          (FUNCTION_WORDS.has(tokens[first]!.folded) || NOT_PERSON_WORDS.has(tokens[first]!.folded))
        )
          first++
        let title: number | undefined
        while (first < end && PERSON_TITLES.has(tokens[first]!.folded.replace(/\.$/, ''))) {
          title ??= first
          first++
        }
        if (title === undefined && first > sentence.firstToken) {
          const before = tokens[first - 1]!
          if (PERSON_TITLES.has(before.folded) && this.view.spaceBefore(first)) title = first - 1
        }
        const length = end - first
        if (length < (title === undefined ? 2 : 1) || length > 5) continue
        if (!this.personShaped(first, end)) continue
        found.push({ first, end, ...(title !== undefined ? { title } : {}) })
      }
      candidates.push(found)
      const untitled = found.filter((c) => c.title === undefined)
      if (untitled.length > 0) {
        requests.push({
          text: this.units.text.slice(sentence.start, sentence.end),
          start: sentence.start,
          candidates: untitled.map((c) => [tokens[c.first]!.start, tokens[c.end - 1]!.end]),
        })
      }
    }
    const verdicts = properNounRuns(requests)
    let request = 0
    for (const found of candidates) {
      const untitled = found.filter((c) => c.title === undefined)
      const tagged = untitled.length > 0 ? verdicts[request++]! : []
      for (const candidate of found) {
        const properNoun =
          candidate.title !== undefined ? true : tagged[untitled.indexOf(candidate)]
        if (!properNoun) continue
        const aliases =
          candidate.title !== undefined ? [this.view.span(candidate.title, candidate.end)] : []
        this.register(
          'person',
          candidate.first,
          candidate.end,
          candidate.title !== undefined
            ? 'a name after a title (General, Mullah…)'
            : 'a person name (wink-nlp tags it a proper noun)',
          { aliases },
        )
      }
    }
  }

  /** Whether [first, end) could be a person's name: no organisation, place or month in it. */
  private personShaped(first: number, end: number): boolean {
    const tokens = this.view.tokens
    for (let i = first; i < end; i++) {
      const token = tokens[i]!
      if (this.taken.has(i) || this.bracketed.has(i) || token.allCaps) return false
      if (ORGANISATION_WORDS.has(token.folded) || NOT_PLACES.has(token.folded)) return false
      if (i < end - 1 && token.possessive) return false
      const known = this.known(i, end)
      if (known && known[1].type !== 'person') return false
    }
    return !this.knownExactly(first, end)
  }

  /** Places by their context; names the gazetteer or the project hold are found already. */
  private findPlaces(sentence: Sentence): void {
    const tokens = this.view.tokens
    const text = this.units.text
    const isNew = (first: number, end: number): boolean => {
      for (let i = first; i < end; i++) {
        const token = tokens[i]!
        if (this.taken.has(i) || this.bracketed.has(i) || token.allCaps) return false
        if (NOT_PLACES.has(token.folded) || FUNCTION_WORDS.has(token.folded)) return false
        if (NOT_PERSON_WORDS.has(token.folded) || ORGANISATION_WORDS.has(token.folded)) return false
        if (this.known(i, end)) return false
      }
      return true
    }
    const runs = this.view.capitalizedRuns(sentence)
    for (const [runFirst, end] of runs) {
      let first = runFirst
      while (first < end && FUNCTION_WORDS.has(tokens[first]!.folded)) first++
      if (first >= end || end - first > 3) continue
      const next = tokens[end]
      // "Dara district", "Khidir district".
      if (next && end < sentence.endToken && this.view.spaceBefore(end)) {
        const kind = PLACE_KIND_WORDS[next.folded]
        if (kind && !next.capitalized && isNew(first, end)) {
          this.register('place', first, end, `a name before "${next.text}"`, {
            attributes: { placeKind: kind },
          })
          continue
        }
      }
      // "the district centre of Qaysar", "the capital of Ghor".
      const of = afterOf(tokens, first)
        ? /\b(district|province|provincial|city|town|village)?\s*(centre|center|capital|town)? of\s+(?:the\s+)?$/i.exec(
            text.slice(Math.max(sentence.start, tokens[first]!.start - 40), tokens[first]!.start),
          )
        : null
      if (of && (of[1] || of[2]) && isNew(first, end)) {
        const kind =
          of[2]?.toLowerCase() === 'capital'
            ? 'city'
            : (PLACE_KIND_WORDS[of[1]?.toLowerCase() ?? ''] ?? 'other')
        this.register('place', first, end, `a name after "${of[0].trim()}"`, {
          attributes: { placeKind: kind },
        })
        continue
      }
      // "Nili, the capital of …".
      const comma = text.charCodeAt(tokens[end - 1]!.end) === 44
      const after = comma ? text.slice(tokens[end - 1]!.end, tokens[end - 1]!.end + 20) : ''
      if (
        comma &&
        /^,\s+(?:the\s+)?(?:provincial\s+)?capital of\b/i.test(after) &&
        isNew(first, end)
      ) {
        this.register('place', first, end, 'a name before "the capital of"', {
          attributes: { placeKind: 'city' },
        })
        continue
      }
      // "officials in Shibirghan": one unknown word after a preposition.
      if (end - first === 1 && first > sentence.firstToken) {
        const before = tokens[first - 1]!
        if (
          PLACE_PREPOSITIONS.has(before.folded) &&
          this.view.spaceBefore(first) &&
          !tokens[first]!.possessive &&
          isNew(first, end)
        ) {
          this.register('place', first, end, `a name after "${before.text}"`)
        }
      }
    }
    // "operating in Panjshir, Andarab and Kapisa": unknown names in the list are places.
    const words = text.slice(sentence.start, sentence.end)
    for (const cue of words.matchAll(OPERATES_IN_CUE)) {
      const from = sentence.start + cue.index + cue[0].length
      let i = sentence.firstToken
      while (i < sentence.endToken && tokens[i]!.start < from) i++
      for (const [first, end] of listItems(this.view, sentence, i)) {
        if (end - first <= 3 && isNew(first, end)) {
          this.register('place', first, end, 'a name in the list after "operating in"')
        }
      }
    }
  }

  /** "the Shinwari and Mohmand tribes": tribes named before the word, as communities. */
  private findTribes(sentence: Sentence): void {
    const tokens = this.view.tokens
    for (let i = sentence.firstToken + 1; i < sentence.endToken; i++) {
      if (!TRIBE_WORDS.has(tokens[i]!.folded) || tokens[i]!.capitalized) continue
      for (let k = i - 1; k >= sentence.firstToken; k--) {
        const token = tokens[k]!
        if (!/^[\s,]*$/.test(this.view.gap(k + 1))) break
        if (token.folded === 'and' || token.folded === 'or') continue
        if (!token.capitalized || FUNCTION_WORDS.has(token.folded)) break
        if (this.taken.has(k) || this.known(k, k + 1)) continue
        this.register('community', k, k + 1, `a name before "${tokens[i]!.text}"`, {
          attributes: { communityKind: 'tribal' },
        })
      }
    }
  }

  /** "(جنبش مقاومت برای عدالت)", "(Junbish-e Milli)": another name of the name before it. */
  private findBracketAliases(sentence: Sentence): void {
    const tokens = this.view.tokens
    for (let i = sentence.firstToken; i < sentence.endToken; i++) {
      const bracket = this.view.bracketAfter(i, sentence)
      if (!bracket) continue
      const [first, end] = bracket
      const words = tokens.slice(first, end)
      const arabic = words.every((t) => t.arabic)
      const latinName = words.every((t) => t.capitalized || CONNECTORS.has(t.folded))
      if (!arabic && !(latinName && !(words.length === 1 && words[0]!.allCaps))) continue
      // The name the bracket follows: the longest known name ending at token i.
      let owner: DocEntity | undefined
      for (let start = Math.max(sentence.firstToken, i - 6); start <= i && !owner; start++) {
        owner = this.knownExactly(start, i + 1)
      }
      if (!owner || (!arabic && owner.type !== 'group')) continue
      this.addAlias(owner, this.view.span(first, end))
    }
  }
}

/**
 * The capitalised names in a list starting at token `from`: "Panjshir, Andarab and Kapisa",
 * "بامیان and in the western parts of Wardak". Ends at the first word that is not glue.
 */
function listItems(view: TokenView, sentence: Sentence, from: number): Array<[number, number]> {
  const tokens = view.tokens
  const items: Array<[number, number]> = []
  let i = from
  while (i < sentence.endToken) {
    if (i > from && !/^[\s,]*$/.test(view.gap(i))) break
    const token = tokens[i]!
    if (token.capitalized || token.arabic) {
      let end = i + 1
      while (
        end < sentence.endToken &&
        view.spaceBefore(end) &&
        (tokens[end]!.capitalized || (token.arabic && tokens[end]!.arabic)) &&
        !tokens[end - 1]!.possessive
      )
        end++
      items.push([i, end])
      i = end
      continue
    }
    if (!LIST_GLUE.has(token.folded)) break
    i++
  }
  return items
}
