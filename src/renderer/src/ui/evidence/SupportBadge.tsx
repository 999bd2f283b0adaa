import { t } from '../i18n'
/**
 * "2 quotes" for supported claims; the rest carry "Unsupported" in the warning colour with a
 * sign, so the difference never rests on colour alone.
 */
export function SupportBadge({ count }: { count: number }) {
  return count > 0 ? (
    <span className="badge badge-ok">{t('ui.quoteCount', { count })}</span>
  ) : (
    <span className="badge badge-unsupported" title={t('ui.noQuoteSupportsThisYet')}>
      <span aria-hidden="true">⚠ </span>
      {t('ui.unsupported')}
    </span>
  )
}
