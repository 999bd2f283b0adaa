import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ServerStateProvider } from './api/query-client'
import { startLanguage } from './ui/i18n'
import { startTheme } from './ui/theme'
// The theme's tokens and the kit's base look first, so every feature's own rules come after.
import './ui/theme.css'
import './ui/ui.css'
import { App } from './app/App'
import './app/app.css'

// Before the first paint, so a dark system never flashes the light theme.
startTheme()
// lang and dir on <html> before the first paint, so a Dari interface never flashes mirrored.
startLanguage()

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ServerStateProvider>
      <App />
    </ServerStateProvider>
  </StrictMode>,
)
