import { useTranslation } from 'react-i18next'
import { MANAGER_URL } from '../../../shared/links'

/** Opens the Infomaniak Manager in the browser (the shell sends allow-listed https links there). */
export function ManagerLink() {
  const { t } = useTranslation()
  return (
    <a className="manager-link" href={MANAGER_URL} target="_blank" rel="noreferrer" data-testid="manager-link">
      {t('manager.open')}
    </a>
  )
}
