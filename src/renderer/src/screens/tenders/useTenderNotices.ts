import { useCallback, useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { afterFirstReady } from '../../app/readiness'

/**
 * Asks the core which new matching tenders deserve a desktop notice (it
 * decides and remembers each shown once) whenever the cache changed, and has
 * the shell show them in the user's language.
 */
export function useTenderNotices(): () => void {
  const api = useApi()
  const { t } = useTranslation()
  const { generation } = useCacheInfo()
  const check = useCallback(() => {
    void api.call('tenders:takeNotices', {}).then((result) => {
      if (!result.ok) return
      for (const notice of result.value) {
        void api.call('desktop:notify', { key: notice.key, title: t('tenders.notice.title'), body: notice.title, route: notice.route })
      }
    })
  }, [api, t])
  // Not before the first page is on screen: the core answers one call at a time.
  useEffect(() => {
    let live = true
    afterFirstReady(() => {
      if (live) check()
    })
    return () => {
      live = false
    }
  }, [check, generation])
  /** Asks again after tenders arrived outside a sync (an import). */
  return check
}
