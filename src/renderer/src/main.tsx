import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { ServerStateProvider } from './api/query-client'
// The kit's base look first, so every feature's own rules come after it.
import './ui/ui.css'
import { App } from './app/App'
import './app/app.css'

const root = document.getElementById('root')
if (!root) throw new Error('index.html has no #root element')

createRoot(root).render(
  <StrictMode>
    <ServerStateProvider>
      <App />
    </ServerStateProvider>
  </StrictMode>,
)
