import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import type { SavedView } from '../../../../shared/contract'
import { DEFAULT_RENEWAL_DAYS } from '../../app/route'
import { useRouter } from '../../app/Router'
import { useCoreLoad } from '../../app/useCoreLoad'
import { onViewsChanged } from './filters/viewsChanged'

/** Under Clients in the navigation: the saved views, each opening its filters. */
export function ClientsNav() {
  const { t } = useTranslation()
  const api = useApi()
  const { text, go } = useRouter()
  const [version, setVersion] = useState(0)
  useEffect(() => onViewsChanged(() => setVersion((n) => n + 1)), [])
  // Views change only by saving or deleting one (another account's cache remounts the shell).
  const views = useCoreLoad(() => api.call('views:list', {}), version)
  const remove = async (id: number): Promise<void> => {
    const result = await api.call('views:delete', { id })
    if (result.ok) setVersion((n) => n + 1)
  }
  const { route } = useRouter()
  return (
    <>
      <ul className="nav-sub" aria-label={t('clients.views.workspaceLabel')}>
        <li className="nav-sub-item">
          <button
            type="button"
            className="nav-item nav-sub-link"
            aria-current={route.screen === 'renewals' ? 'page' : undefined}
            onClick={() => go({ screen: 'renewals', days: DEFAULT_RENEWAL_DAYS })}
            data-testid="nav-renewals"
          >
            {t('renewals.title')}
          </button>
        </li>
        <li className="nav-sub-item">
          <button
            type="button"
            className="nav-item nav-sub-link"
            aria-current={route.screen === 'matrix' ? 'page' : undefined}
            onClick={() => go({ screen: 'matrix', query: '', filters: {} })}
            data-testid="nav-matrix"
          >
            {t('matrix.title')}
          </button>
        </li>
      </ul>
      {views.value && views.value.length > 0 && <SavedViews views={views.value} text={text} onRemove={(id) => void remove(id)} />}
    </>
  )
}

function SavedViews({ views, text, onRemove }: { views: SavedView[]; text: string; onRemove(id: number): void }) {
  const { t } = useTranslation()
  const { go } = useRouter()
  return (
    <ul className="nav-sub" aria-label={t('clients.views.listLabel')} data-testid="saved-views">
      {views.map((view) => (
        <li key={view.id} className="nav-sub-item">
          <button
            type="button"
            className="nav-item nav-sub-link"
            aria-current={text === view.route ? 'page' : undefined}
            onClick={() => go(view.route)}
            data-testid="saved-view"
            data-name={view.name}
          >
            {view.name}
          </button>
          <button
            type="button"
            className="button button-quiet nav-sub-remove"
            aria-label={t('clients.views.deleteLabel', { name: view.name })}
            title={t('clients.views.deleteLabel', { name: view.name })}
            onClick={() => onRemove(view.id)}
            data-testid="saved-view-delete"
          >
            ×
          </button>
        </li>
      ))}
    </ul>
  )
}
