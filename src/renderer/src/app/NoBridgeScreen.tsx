import { useTranslation } from 'react-i18next'
import { BlockedScreen } from '../components/BlockedScreen'

export function NoBridgeScreen() {
  const { t } = useTranslation()
  return (
    <BlockedScreen title={t('noBridge.title')} testId="no-bridge">
      <p>{t('noBridge.body')}</p>
    </BlockedScreen>
  )
}
