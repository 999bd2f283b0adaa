import type { Locator, Page } from '@playwright/test'

/** Import from anywhere: files dropped on any view, Ctrl+O, and the panel of imports. */
export class ImportHost {
  readonly panel: Locator

  constructor(readonly page: Page) {
    this.panel = page.getByRole('region', { name: 'Imports' })
  }

  /** Drops one text file on the view's main area, as dragging it from the desktop would. */
  async dropFile(
    name: string,
    text: string,
    on: Locator = this.page.getByRole('main'),
  ): Promise<void> {
    const dataTransfer = await this.page.evaluateHandle(
      ({ name, text }) => {
        const transfer = new DataTransfer()
        transfer.items.add(new File([text], name, { type: 'text/plain' }))
        return transfer
      },
      { name, text },
    )
    await on.dispatchEvent('dragenter', { dataTransfer })
    await on.dispatchEvent('dragover', { dataTransfer })
    await on.dispatchEvent('drop', { dataTransfer })
  }
}
