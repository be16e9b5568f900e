import { useTranslation } from 'react-i18next'

/** A one-off message above the screen (e.g. where a damaged cache went), dismissible. */
export function Notice({ message, onDismiss, testId = 'notice' }: { message: string; onDismiss(): void; testId?: string }) {
  const { t } = useTranslation()
  return (
    <div className="notice" role="status" data-testid={testId}>
      <span>{message}</span>
      <button type="button" className="button button-quiet" onClick={onDismiss}>
        {t('app.dismiss')}
      </button>
    </div>
  )
}
