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

  const { frame, sheet } = await reports.previewBoxes()
  // The frame stays inside the window, and the page inside the frame: nothing is cut off.
  expect(frame.x + frame.width).toBeLessThanOrEqual(1280)
  expect(sheet.x).toBeGreaterThanOrEqual(frame.x - 1)
  expect(sheet.x + sheet.width).toBeLessThanOrEqual(frame.x + frame.width + 1)
  // Scaled to fit, not shrunk to a thumbnail: the page takes most of the frame's width.
  expect(sheet.width).toBeGreaterThan(frame.width * 0.8)
})
