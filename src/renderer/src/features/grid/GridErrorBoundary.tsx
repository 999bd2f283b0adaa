import { Component, type ReactNode } from 'react'
import { t } from '../../ui/i18n'

/** Keeps a failure inside one grid from blanking the whole window; says what broke. */
export class GridErrorBoundary extends Component<
  { label: string; children: ReactNode },
  { error: Error | null }
> {
  override state: { error: Error | null } = { error: null }

  static getDerivedStateFromError(error: Error): { error: Error } {
    return { error }
  }

  override render(): ReactNode {
    const { error } = this.state
    if (!error) return this.props.children
    return (
      <div role="alert" className="error-panel">
        <h2>{t('grid.theGridStopped', { toLowerCase: this.props.label.toLowerCase() })}</h2>
        <p>{error.message}</p>
        <p>{t('grid.yourSavedDataIsNotAffected')}</p>
        <button type="button" onClick={() => this.setState({ error: null })}>
          {t('grid.tryAgain')}
        </button>
      </div>
    )
  }
}
