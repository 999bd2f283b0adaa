/**
 * Person names through wink-nlp's English part-of-speech tagger: a run of capitalised words
 * is a person when the tagger reads each of its words as a proper noun in its sentence.
 * Chosen over compromise on our fixture articles: every person found (12 of 12, against 6
 * of 12 for compromise's people()), about ten times faster; its misses are organisation
 * names, which the organisation rules have already taken by the time it runs.
 */
import winkNLP, { type WinkMethods } from 'wink-nlp'
import model from 'wink-eng-lite-web-model'

let tagger: WinkMethods | undefined

/** Sentence boundary detection and tagging only: negation, sentiment and NER are not read. */
function loadTagger(): WinkMethods {
  tagger ??= winkNLP(model, ['sbd', 'pos'])
  return tagger
}

/** A stretch of text and the ranges in it to check, all in the text's own offsets. */
export interface TaggingRequest {
  text: string
  start: number
  /** Ranges of candidate names: [start, end) in the whole text's offsets. */
  candidates: Array<[number, number]>
}

/**
 * For each candidate range, whether every word in it is tagged as a proper noun. The text is
 * tagged as one document and its tokens are laid back on the text by their characters.
 */
export function properNounRuns(requests: readonly TaggingRequest[]): boolean[][] {
  if (requests.length === 0) return []
  const nlp = loadTagger()
  const its = nlp.its
  // One document for all windows: per-call overhead dominates for short windows.
  const joined = requests.map((r) => r.text).join('\n\n')
  const doc = nlp.readDoc(joined)
  const values = doc.tokens().out(its.value) as string[]
  const tags = doc.tokens().out(its.pos) as string[]
  const spans: Array<[number, number, string]> = []
  let cursor = 0
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!
    const at = joined.indexOf(value, cursor)
    if (at === -1) continue
    spans.push([at, at + value.length, tags[i]!])
    cursor = at + value.length
  }
  const results: boolean[][] = []
  let base = 0
  let spanIndex = 0
  for (const request of requests) {
    const offset = base - request.start
    results.push(
      request.candidates.map(([start, end]) => {
        const from = start + offset
        const to = end + offset
        while (spanIndex > 0 && spans[spanIndex - 1]![1] > from) spanIndex--
        while (spanIndex < spans.length && spans[spanIndex]![1] <= from) spanIndex++
        let any = false
        for (let k = spanIndex; k < spans.length && spans[k]![0] < to; k++) {
          const [, , tag] = spans[k]!
          // "'s" and hyphens inside a name carry their own tags.
          if (tag === 'PART' || tag === 'PUNCT') continue
          if (tag !== 'PROPN') return false
          any = true
        }
        return any
      }),
    )
    base += request.text.length + 2
  }
  return results
}
