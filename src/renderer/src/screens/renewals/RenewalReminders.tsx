import { useEffect } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { useRouter } from '../../app/Router'
import { useFormatters } from '../../i18n/useFormatters'

/** Checked again this often while the app runs (and whenever the cache changes): lead times are days, an hour is soon enough. */
const CHECK_EVERY_MS = 60 * 60 * 1000

/**
 * Desktop reminders of renewals: the core says which are due (each once),
 * this words them in the user's language and asks the shell to show them;
 * a click opens the client's page. Renders nothing.
 */
export function RenewalReminders() {
  const api = useApi()
  const { t } = useTranslation()
  const format = useFormatters()
  const { go } = useRouter()
  const { generation } = useCacheInfo()

  useEffect(() => api.subscribe('desktop:notificationClicked', ({ route }) => go(route)), [api, go])

  useEffect(() => {
    let stopped = false
    const check = async (): Promise<void> => {
      const due = await api.call('renewals:due', {})
      if (!due.ok || stopped) return
      const shown: string[] = []
      for (const reminder of due.value) {
        const result = await api.call('desktop:notify', {
          key: reminder.key,
          title: t('renewals.notice.title', { client: reminder.clientName }),
          body: t('renewals.notice.body', { count: reminder.daysLeft, product: reminder.productName, date: format.date(reminder.expiredAt) }),
          route: `clients/${reminder.clientId}`,
        })
        // Not shown (no notifications on this system): asked again at the next check.
        if (result.ok && result.value.shown) shown.push(reminder.key)
      }
      if (shown.length > 0 && !stopped) await api.call('renewals:shown', { keys: shown })
    }
    void check()
    const timer = window.setInterval(() => void check(), CHECK_EVERY_MS)
    return () => {
      stopped = true
      window.clearInterval(timer)
    }
  }, [api, generation, t, format])
  return null
}
