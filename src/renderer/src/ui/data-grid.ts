/**
 * What every ag-grid of the app shares: the community modules, registered once, and one
 * theme, so the entity grids and the ACH matrix look and behave alike. ag-grid injects its
 * theme as <style> elements; each grid passes `styleNonce()` so the CSP stays strict.
 */
import { AllCommunityModule, ModuleRegistry, themeQuartz } from 'ag-grid-community'

ModuleRegistry.registerModules([AllCommunityModule])

export const gridTheme = themeQuartz.withParams({
  fontFamily: 'inherit',
  headerFontWeight: 600,
  spacing: 6,
})
