import { expect, type Locator, type Page } from '@playwright/test'

/** One source in the reader: text with highlights, annotation panel, dialogs. */
export class ReaderPage {
  readonly title: Locator
  readonly text: Locator
  readonly annotations: Locator
  readonly reviewQueue: Locator
  readonly annotateButton: Locator
  readonly dialog: Locator
  readonly status: Locator
  readonly tooltip: Locator
  /** The alert a source whose stored text failed its checks shows instead of its text. */
  readonly damage: Locator
  readonly editTextButton: Locator
  /** The annotation editor beside the text (a non-modal dialog in the side panel). */
  readonly editor: Locator
  /** The full Admiralty grade the editor shows, e.g. "B4". */
  readonly grade: Locator
  /** The bar beside a selection: Annotate, Cite in note… */
  readonly adder: Locator

  constructor(readonly page: Page) {
    this.title = page.getByRole('heading', { level: 2 })
    this.text = page.getByRole('document', { name: 'Source text' })
    this.annotations = page.getByRole('complementary', { name: 'Annotations' })
    this.reviewQueue = this.annotations.getByRole('region', { name: /Needs review/ })
    this.annotateButton = page.getByRole('button', { name: 'Annotate' })
    this.dialog = page.getByRole('dialog')
    this.status = page.getByRole('main').getByRole('status')
    this.tooltip = page.getByRole('tooltip')
    this.damage = page.getByRole('alert').filter({ hasText: 'This source is damaged.' })
    this.editTextButton = page.getByRole('button', { name: 'Edit text…' })
    this.editor = page.getByRole('dialog', { name: /^(Annotate|Edit annotation)$/ })
    this.grade = this.editor.getByRole('status', { name: 'Admiralty grade' })
    this.adder = page.getByRole('toolbar', { name: 'Selection' })
  }

  /** An entity the editor offers because the passage names it. */
  offeredEntity(name: string | RegExp): Locator {
    return this.editor.getByRole('button', { name })
  }

  /** The list item of an annotation, found by words of its quote. */
  annotationItem(words: string): Locator {
    return this.annotations.getByRole('listitem').filter({ hasText: words })
  }

  /**
   * Drags the mouse across the first occurrence of `sentence` in the text. Tries again
   * if the page moved under the pointer (the header's save status can change its height).
   */
  async selectWithMouse(sentence: string): Promise<void> {
    await expect(this.text).toContainText(sentence)
    for (let attempt = 1; ; attempt++) {
      const box = await this.sentenceBox(sentence)
      await this.page.mouse.move(box.x1, box.y1)
      await this.page.mouse.down()
      await this.page.mouse.move((box.x1 + box.x2) / 2, (box.y1 + box.y2) / 2, { steps: 4 })
      await this.page.mouse.move(box.x2, box.y2, { steps: 4 })
      await this.page.mouse.up()
      const selected = await this.page.evaluate(() => window.getSelection()?.toString().trim())
      if (selected === sentence || attempt === 3) {
        expect(selected).toBe(sentence)
        return
      }
    }
  }

  private async sentenceBox(
    sentence: string,
  ): Promise<{ x1: number; y1: number; x2: number; y2: number }> {
    const box = await this.text.evaluate((root, wanted) => {
      // The sentence may run across several text nodes (a highlight, an underlined name).
      const nodes: { node: Text; from: number }[] = []
      let all = ''
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        nodes.push({ node: node as Text, from: all.length })
        all += node.textContent ?? ''
      }
      const at = all.indexOf(wanted)
      if (at === -1) return null
      const place = (offset: number, isEnd: boolean) => {
        const hit = nodes.findLast((n) =>
          isEnd ? n.from < offset : n.from <= offset && offset < n.from + n.node.length,
        )!
        return { node: hit.node, offset: offset - hit.from }
      }
      const start = place(at, false)
      const end = place(at + wanted.length, true)
      const range = document.createRange()
      range.setStart(start.node, start.offset)
      range.setEnd(end.node, end.offset)
      range.startContainer.parentElement?.scrollIntoView({ block: 'center' })
      const rects = [...range.getClientRects()].filter((r) => r.width > 0)
      const first = rects[0]!
      const last = rects[rects.length - 1]!
      return {
        x1: first.left + 1,
        y1: first.top + first.height / 2,
        x2: last.right - 1,
        y2: last.top + last.height / 2,
      }
    }, sentence)
    if (!box) throw new Error(`"${sentence}" is not in the reader's text`)
    return box
  }

  /** An underlined name of a known entity in the text (the `n`th mention, from 0). */
  mention(name: string, n = 0): Locator {
    return this.text.getByRole('button', { name, exact: true }).nth(n)
  }

  /** Underlined names that are focusable now (only while one has the focus). */
  get focusableMentions(): Locator {
    return this.text.getByRole('button').and(this.page.locator('[tabindex]'))
  }

  /** The underlined name that has the keyboard focus (none unless moving through names by key). */
  get focusedMention(): Locator {
    return this.text.getByRole('button').and(this.page.locator(':focus'))
  }

  /**
   * Moves through the underlined names by key (N, then the arrows) until `name` has the
   * focus; returns how many arrow presses it took.
   */
  async reachMentionByKey(name: string, most = 80): Promise<number> {
    await this.page.keyboard.press('n')
    await expect(this.focusedMention).toHaveCount(1)
    for (let presses = 0; presses <= most; presses++) {
      if ((await this.focusedMention.textContent()) === name) return presses
      await this.page.keyboard.press('ArrowRight')
    }
    throw new Error(`no underlined name "${name}" within ${most} presses`)
  }

  /** The highlight of one annotation (its first piece, where it starts). */
  highlightOf(annotationId: string): Locator {
    return this.text.locator(`mark[data-ids~="${annotationId}"]`).first()
  }

  /** The grade drawn after a highlight's last letter ("B2"), or null. */
  async gradeMark(annotationId: string): Promise<string | null> {
    return this.text
      .locator(`mark[data-ids~="${annotationId}"][data-grade]`)
      .last()
      .evaluate((el) => {
        const content = getComputedStyle(el, '::after').content
        return content === 'none' ? null : content.replace(/^"|"$/g, '')
      })
  }

  /** Fills the annotation editor (in the side panel) and saves it. */
  async fillAnnotation(fields: {
    kind: string
    credibility: string
    comment?: string
    entity?: { type: string; pick: string | RegExp }
    tags?: string
  }): Promise<void> {
    const dialog = this.editor
    await dialog.getByRole('radio', { name: fields.kind, exact: true }).check()
    await dialog.getByRole('radio', { name: fields.credibility, exact: true }).check()
    if (fields.comment) await dialog.getByLabel('Comment').fill(fields.comment)
    if (fields.entity) {
      await dialog.getByRole('combobox', { name: 'Entities' }).fill(fields.entity.type)
      await dialog.getByRole('option', { name: fields.entity.pick }).click()
    }
    if (fields.tags) await dialog.getByLabel('Tags (comma-separated)').fill(fields.tags)
    await dialog.getByRole('button', { name: 'Save annotation' }).click()
    await expect(dialog).toBeHidden()
  }

  /** The paragraph of the text that holds `text`. */
  paragraph(text: string): Locator {
    return this.text.getByRole('paragraph').filter({ hasText: text })
  }

  /** The direction a paragraph is laid out in: "rtl" or "ltr". */
  async paragraphDirection(text: string): Promise<string> {
    return this.paragraph(text).evaluate((p) => getComputedStyle(p).direction)
  }

  highlight(text: string): Locator {
    return this.text.locator('mark', { hasText: text })
  }

  /** Replaces the source's text through the "Edit text" dialog. */
  async editText(change: (text: string) => string): Promise<void> {
    await this.page.getByRole('button', { name: 'Edit text…' }).click()
    const box = this.dialog.getByRole('textbox', { name: 'Text', exact: true })
    const current = await box.inputValue()
    await box.fill(change(current))
    await this.dialog.getByRole('button', { name: 'Save text' }).click()
    await expect(this.dialog).toBeHidden()
  }

  reviewItem(text: string | RegExp): Locator {
    return this.reviewQueue.getByRole('listitem').filter({ hasText: text })
  }
}
