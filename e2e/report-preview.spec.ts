import { expect, test } from './fixtures'
import { AppShell } from './pages/AppShell'
import { ReportsPage } from './pages/ReportsPage'

test.use({ viewport: { width: 1280, height: 800 } })

test('the report preview shows its whole page beside the composer at 1280 px', async ({
  page,
  app,
}) => {
  const shell = new AppShell(page)
  const reports = new ReportsPage(page)
  await shell.open(app.url)
  await shell.goTo('Reports')
  await reports.startNewReport()
  await reports.describe({
    title: 'Preview width check',
    author: 'A. Analyst',
    date: '2025-06-02',
    classification: 'UNCLASSIFIED',
  })
  await expect(reports.preview.getByRole('heading', { name: 'Preview width check' })).toBeVisible()

  const { frame, layoutWidth, sheet } = await reports.previewBoxes()
  // The frame stays inside the window and fills its column.
  expect(frame.x + frame.width).toBeLessThanOrEqual(1280)
  expect(frame.width).toBeGreaterThan(400)
  // The page fits the width the frame lays it out at: nothing of it is cut off on the right.
  // (The sheet's box is measured in the frame's own pixels, before the frame is scaled.)
  expect(sheet.x).toBeGreaterThanOrEqual(frame.x - 1)
  expect(sheet.x - frame.x + sheet.width).toBeLessThanOrEqual(layoutWidth + 1)
})
