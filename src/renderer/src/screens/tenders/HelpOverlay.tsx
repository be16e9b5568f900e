import { useTranslation } from 'react-i18next'
import { Dialog } from '../../components/Dialog'
import { TRIAGE_KEYS } from './keys'

export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation()
  return (
    <Dialog title={t('tenders.help.title')} onCancel={onClose} testId="tender-help">
      <dl className="key-list">
        {TRIAGE_KEYS.map(({ keys, action }) => (
          <div key={action}>
            <dt>
              {keys.map((key) => (
                <kbd key={key}>{key}</kbd>
              ))}
            </dt>
            <dd>{t(`tenders.help.${action}`)}</dd>
          </div>
        ))}
      </dl>
      <div className="dialog-actions">
        <button className="button" type="button" onClick={onClose}>
          {t('tenders.close')}
        </button>
      </div>
    </Dialog>
  )
}
