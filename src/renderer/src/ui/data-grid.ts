/**
 * What every ag-grid of the app shares: the community modules, registered once, and one
 * theme, so the entity grids and the ACH matrix look and behave alike. ag-grid injects its
 * theme as <style> elements; each grid passes `styleNonce()` so the CSP stays strict.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community'

ModuleRegistry.registerModules([AllCommunityModule])

/**
 * The grid's colours are the app's theme tokens, so it turns dark with the rest of the page
 * without being re-created (ag-grid writes them into its own CSS variables).
 */
export const gridTheme = themeQuartz.withParams({
  backgroundColor: 'var(--panel)',
  foregroundColor: 'var(--ink)',
  textColor: 'var(--ink)',
  subtleTextColor: 'var(--muted)',
  borderColor: 'var(--line)',
  accentColor: 'var(--accent)',
  headerBackgroundColor: 'var(--panel-2)',
  oddRowBackgroundColor: 'var(--panel)',
  rowHoverColor: 'var(--hover)',
  selectedRowBackgroundColor: 'var(--selected)',
  chromeBackgroundColor: 'var(--panel-2)',
  browserColorScheme: 'inherit',
  fontFamily: 'inherit',
  headerFontWeight: 600,
  spacing: 6,
})
