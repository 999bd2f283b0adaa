import { expect, type Locator, type Page } from '@playwright/test'

/** The command palette (Ctrl+K) and the keyboard shortcut list (?), from any view. */
export class CommandPalette {
  readonly dialog: Locator
  readonly input: Locator
  readonly results: Locator
  readonly shortcuts: Locator
  readonly openButton: Locator

  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: 'Command palette' })
    this.input = this.dialog.getByRole('combobox', { name: 'Find a command, view or record' })
    this.results = this.dialog.getByRole('listbox', { name: 'Results' })
    this.shortcuts = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    this.openButton = page.getByRole('banner').getByRole('button', { name: /^Commands/ })
  }

  async openWithKeys(): Promise<void> {
    await this.page.keyboard.press('ControlOrMeta+K')
    await expect(this.input).toBeFocused()
  }

  /** The result options under one heading ("Groups", "Commands", …). */
  optionsIn(group: string): Locator {
    return this.results.getByRole('group', { name: group }).getByRole('option')
  }

  /** Opens the palette, types, and runs the first option under `group` whose text has `name`. */
  async run(query: string, group: string, name: string | RegExp): Promise<void> {
    await this.openWithKeys()
    await this.input.fill(query)
    const option = this.optionsIn(group).filter({ hasText: name }).first()
    await expect(option).toBeVisible()
    // Arrow down to it, as a keyboard user would, then Enter.
    for (let step = 0; step < 60; step += 1) {
      if ((await option.getAttribute('aria-selected')) === 'true') break
      await this.input.press('ArrowDown')
    }
    await expect(option).toHaveAttribute('aria-selected', 'true')
    await this.input.press('Enter')
    await expect(this.dialog).toBeHidden()
  }

  /** Presses ? outside any text field and returns the shortcut rows as "title: keys". */
  async shortcutRows(): Promise<string[]> {
    await this.page.keyboard.press('?')
    await expect(this.shortcuts).toBeVisible()
    return this.shortcuts.getByRole('row').allInnerTexts()
  }
}
