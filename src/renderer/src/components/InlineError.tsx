import { useTranslation } from 'react-i18next'

/** A failed call, said in place, with a way to try again: never a blank area. */
export function InlineError({ message, onRetry, onDismiss }: { message: string; onRetry?: () => void; onDismiss?: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="inline-error" role="alert" data-testid="inline-error">
      <span>{message}</span>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry} data-testid="retry">
          {t('common.retry')}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss} data-testid="dismiss">
          {t('app.dismiss')}
        </button>
      )}
    </div>
  )
}
