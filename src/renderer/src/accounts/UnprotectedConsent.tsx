import { useId, type Ref } from 'react'
import { useTranslation } from 'react-i18next'

/**
 * Shown when this computer has no protected keystore: the token would be
 * readable by any program of this user. Storing it anyway takes an explicit tick.
 */
export function UnprotectedConsent({
  checked,
  onChange,
  highlight,
  inputRef,
  testIdPrefix,
}: {
  checked: boolean
  onChange(checked: boolean): void
  /** The last attempt was refused for want of this consent. */
  highlight: boolean
  inputRef?: Ref<HTMLInputElement>
  testIdPrefix: string
}) {
  const { t } = useTranslation()
  const warningId = useId()
  return (
    <div className={highlight ? 'warning-box is-urgent' : 'warning-box'} data-testid={`${testIdPrefix}-unprotected-warning`}>
      <p id={warningId}>{t('accounts.unprotectedWarning')}</p>
      <label className="checkbox">
        <input
          ref={inputRef}
          type="checkbox"
          checked={checked}
          aria-describedby={warningId}
          onChange={(event) => onChange(event.target.checked)}
          data-testid={`${testIdPrefix}-accept-unprotected`}
        />
        {t('accounts.acceptUnprotected')}
      </label>
    </div>
  )
}
