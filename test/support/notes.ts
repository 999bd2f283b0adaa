/**
 * A generated Markdown note for the tests, full of the constructs that decide what is a link.
 * Pass it `seededRandom(seed)` (src/shared/random.ts), so a failure can be replayed.
 */
export function realisticNote(next: () => number): string {
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!
  const id = () => `ann-${Math.floor(next() * 6)}`
  const inline = (): string =>
    pick([
      () => `the front [claims 70%](quote:${id()})`,
      () => `[National Freedom Front](entity:grp-${Math.floor(next() * 3)})`,
      () => `a quote [with [brackets]](quote:${id()} "title")`,
      () => `\`[code](quote:in-code)\``,
      () => `![a picture [with a link](quote:in-image)](pic.png)`,
      () => `<quote:${id()}>`,
      () => `[ref link][r${Math.floor(next() * 3)}]`,
      () => `[r1]`,
      () => `**bold [cited](quote:${id()})**`,
      () => `\\[escaped](quote:not-a-link)`,
      () => `[web](https://example.org/a_(b))`,
      () => `<span title="[x](quote:in-html)">html</span>`,
      () => 'plain words, some more',
    ])()
  const sentence = (): string =>
    Array.from({ length: 1 + Math.floor(next() * 4) }, inline).join(' ')
  const block = (): string =>
    pick([
      () => sentence(),
      () => `# ${sentence()}`,
      () => `- ${sentence()}\n- ${sentence()}\n  ${sentence()}\n\n    ${sentence()}`,
      () => `1. ${sentence()}\n   - ${sentence()}`,
      () => `> ${sentence()}\n> ${sentence()}\nlazy ${sentence()}`,
      () => '```\n[in fence](quote:in-fence)\n```',
      () => `    [indented](quote:indented-code)`,
      () => `| a | b |\n| --- | --- |\n| ${inline()} | ${inline()} |`,
      () => `<div>\n[in html](quote:in-html-block)\n</div>`,
      () => `[r${Math.floor(next() * 3)}]: quote:${id()}`,
      () => `Setext ${sentence()}\n---`,
      () => '***',
    ])()
  return Array.from({ length: 2 + Math.floor(next() * 6) }, block).join('\n\n')
}
