import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useApi } from '../../api/ApiContext'
import { afterFirstReady, holdBusy } from '../../app/readiness'
import { useRouter } from '../../app/Router'
import { useFormatters } from '../../i18n/useFormatters'
import { REMINDERS_NAMED } from '../../../../shared/renewals'

/** Checked again this often while the app runs (and after each sync): lead times are days, an hour is soon enough. */
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

  useEffect(() => api.subscribe('desktop:notificationClicked', ({ route }) => go(route)), [api, go])

  // One check at a time: a cache change during a check waits for it, so nothing is shown twice.
  const running = useRef<Promise<void> | null>(null)
  useEffect(() => {
    let stopped = false
    const notify = async (key: string, title: string, body: string, route: string): Promise<boolean> => {
      const result = await api.call('desktop:notify', { key, title, body, route })
      // Not shown (no notifications on this system): asked again at the next check.
      return result.ok && result.value.shown
    }
    const checkOnce = async (): Promise<void> => {
      const release = holdBusy()
      try {
        const due = await api.call('renewals:due', {})
        if (!due.ok || stopped || due.value.count === 0) return
        const { count, soonest, latestDaysLeft, digest } = due.value
        // More due at once (a first sync, a long holiday) make one notice that opens Renewals, not a burst.
        if (count <= REMINDERS_NAMED) {
          const shown: string[] = []
          for (const reminder of soonest) {
            const title = t('renewals.notice.title', { client: reminder.clientName })
            const body = t('renewals.notice.body', { count: reminder.daysLeft, product: reminder.productName, date: format.date(reminder.expiredAt) })
            if (await notify(reminder.key, title, body, `clients/${reminder.clientId}`)) shown.push(reminder.key)
          }
          if (shown.length > 0 && !stopped) await api.call('renewals:shown', { keys: shown })
          return
        }
        const first = soonest[0]!
        const title = t('renewals.notice.manyTitle', { count, total: format.number(count) })
        const body = t('renewals.notice.manyBody', { product: first.productName, client: first.clientName, date: format.date(first.expiredAt) })
        // Refused if others became due meanwhile: they are all due again at the next check, with a notice that counts them.
        if (await notify(`renewals:${first.key}:${count}`, title, body, `renewals?days=${Math.max(1, Math.min(366, latestDaysLeft))}`) && !stopped) {
          await api.call('renewals:shownAll', { digest })
        }
      } finally {
        release()
      }
    }
    const check = (): void => {
      const previous = running.current ?? Promise.resolve()
      running.current = previous.then(checkOnce)
    }
    // Not before the first page is on screen: the core reads one thing at a time.
    afterFirstReady(() => {
      if (!stopped) check()
    })
    const timer = window.setInterval(check, CHECK_EVERY_MS)
    const unsubscribe = api.subscribe('sync:finished', (outcome) => {
      if (outcome.ok) check()
    })
    return () => {
      stopped = true
      window.clearInterval(timer)
      unsubscribe()
    }
  }, [api, t, format])
  return null
}
