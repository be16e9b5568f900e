import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CacheInfo } from '../../../shared/contract'
import { useCacheInfo } from '../app/CacheInfoContext'
import { InlineError } from './InlineError'

/** Renders `children` with the cache info once read; a loading line or a retryable error until then. */
export function CacheInfoStatus({ children }: { children: (info: CacheInfo) => ReactNode }) {
  const { t } = useTranslation()
  const { state, reload } = useCacheInfo()
  if (state.status === 'loading') return <p role="status">{t('cacheInfo.loading')}</p>
  if (state.status === 'failed') {
    return <InlineError message={t('cacheInfo.loadError', { message: state.error.message })} onRetry={reload} />
  }
  return <>{children(state.info)}</>
}
