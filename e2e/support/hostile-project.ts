/**
 * Plants HTML and script in a project copy: a source whose title and text carry payloads,
 * a quote of that text, an entity with a hostile name and a note full of dangerous Markdown.
 * Every payload sets `window.__pwned` if it ever runs.
 */
import { createHash } from 'node:crypto'
import { readFile, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import type { PrepareProject } from '../fixtures'

export const IMG_PAYLOAD = '<img src=x onerror="window.__pwned=1">'
export const SCRIPT_PAYLOAD = '<script>window.__pwned=1</script>'
export const HOSTILE_ENTITY_NAME = `${IMG_PAYLOAD}Evil Front`
export const HOSTILE_NOTE_TITLE = `Hostile note ${SCRIPT_PAYLOAD}`
const HOSTILE_IDS = {
  source: 'src-hostile',
  annotation: 'ann-hostile',
  entity: 'grp-hostile',
  note: 'note-hostile',
}

const SOURCE_TEXT = [
  `Report ${SCRIPT_PAYLOAD} begins.`,
  `The militia wrote ${IMG_PAYLOAD} on its channel and <svg onload="window.__pwned=1"> too.`,
  'A link: <a href="javascript:window.__pwned=1">click</a>.',
].join('\n\n')

const HOSTILE_NOTE_BODY = [
  `# Payloads ${SCRIPT_PAYLOAD}`,
  '',
  `${IMG_PAYLOAD} raw HTML in a paragraph.`,
  '',
  SCRIPT_PAYLOAD,
  '',
  '<iframe src="javascript:window.__pwned=1"></iframe>',
  '',
  '[click me](javascript:window.__pwned=1) and [data link](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+) and <javascript:window.__pwned=1>',
  '',
  '![pixel](https://evil.example/pixel.png) ![local](x.png)',
  '',
  `Cited: [the militia wrote](quote:${HOSTILE_IDS.annotation}); mentioned: [the front](entity:${HOSTILE_IDS.entity}).`,
].join('\n')

export const plantHostileContent: PrepareProject = async (projectDir) => {
  const path = join(projectDir, 'project.json')
  const project = JSON.parse(await readFile(path, 'utf8'))
  const contentHash = createHash('sha256').update(SOURCE_TEXT, 'utf8').digest('hex')
  await writeFile(join(projectDir, 'sources', `${contentHash}.txt`), SOURCE_TEXT)
  const now = '2025-06-02T10:00:00.000Z'
  const base = { createdAt: now, updatedAt: now }
  project.sources.push({
    ...base,
    id: HOSTILE_IDS.source,
    title: `Channel dump ${IMG_PAYLOAD}`,
    kind: 'post',
    publisher: SCRIPT_PAYLOAD,
    publishedAt: '2025-05-30',
    reliability: 'E',
    contentHash,
    length: SOURCE_TEXT.length,
    origin: { fileName: 'dump<script>.txt', format: 'txt' },
  })
  const exact = `The militia wrote ${IMG_PAYLOAD} on its channel`
  const start = SOURCE_TEXT.indexOf(exact)
  project.annotations.push({
    ...base,
    id: HOSTILE_IDS.annotation,
    sourceId: HOSTILE_IDS.source,
    target: {
      quote: {
        type: 'TextQuoteSelector',
        exact,
        prefix: SOURCE_TEXT.slice(Math.max(0, start - 32), start),
        suffix: SOURCE_TEXT.slice(start + exact.length, start + exact.length + 32),
      },
      position: { type: 'TextPositionSelector', start, end: start + exact.length },
    },
    comment: `Comment ${SCRIPT_PAYLOAD}`,
    kind: 'quote',
    credibility: 5,
    entityIds: [HOSTILE_IDS.entity],
    tags: ['<b>tag</b>'],
    anchor: { state: 'exact' },
  })
  project.entities.push({
    ...base,
    id: HOSTILE_IDS.entity,
    type: 'group',
    name: HOSTILE_ENTITY_NAME,
    aliases: [SCRIPT_PAYLOAD],
    description: IMG_PAYLOAD,
    attributes: { acronym: '<i>EF</i>' },
  })
  project.notes.push({
    ...base,
    id: HOSTILE_IDS.note,
    title: HOSTILE_NOTE_TITLE,
    body: HOSTILE_NOTE_BODY,
  })
  await writeFile(path, JSON.stringify(project))
}
