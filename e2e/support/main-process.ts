import type { Page } from '@playwright/test'

/**
 * Asks the main process to open `folder` the way something outside the window would (the
 * command line, the system's "open with"): through the API, without the window asking. The
 * window learns of it as it learns of any change in main, from its next answers.
 */
export async function openFolderFromOutside(page: Page, folder: string): Promise<void> {
  const answer = await page.evaluate(async (path) => {
    const response = await fetch('/api/project.open', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ path }),
      credentials: 'same-origin',
    })
    return (await response.json()) as { ok: boolean; error?: { message: string } }
  }, folder)
  if (!answer.ok) throw new Error(`project.open was refused: ${answer.error?.message}`)
}
