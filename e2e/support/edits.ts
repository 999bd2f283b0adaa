/** Edits made the way any client makes them: through the API the page uses. */
import { expect, type Page } from '@playwright/test'

export async function renameEntity(page: Page, id: string, name: string): Promise<void> {
  const result = await page.evaluate(
    async ([entityId, newName]) => {
      const response = await fetch('/api/entities.update', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: entityId, patch: { name: newName } }),
      })
      return (await response.json()) as { ok: boolean }
    },
    [id, name] as const,
  )
  expect(result.ok).toBe(true)
}
