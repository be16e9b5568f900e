// desktop:notify through the app session: the notice reaches the notifier as
// sent, a click comes back as an event naming where to go, and a system
// without notifications (or bad input) shows nothing.
import { afterEach, describe, expect, it } from 'vitest'
import { RecordingNotifier } from '../../e2e/bridge/recording-notifier'
import { closeSessions, startSession } from './harness'

afterEach(closeSessions)

const NOTICE = { key: 'renewal:42:7', title: 'Renewal in 7 days', body: 'shop.example.ch (Hosting) renews on 10.12.2026', route: 'clients/42' }

describe('desktop:notify', () => {
  it('shows the notice and relays its click as desktop:notificationClicked with its route', async () => {
    const notifier = new RecordingNotifier()
    const h = startSession({ notifier })
    expect(await h.value('desktop:notify', NOTICE)).toEqual({ shown: true })
    expect(notifier.notices).toEqual([NOTICE])

    const since = h.events.length
    notifier.click(NOTICE.key)
    expect(await h.waitFor('desktop:notificationClicked', since)).toEqual({ key: NOTICE.key, route: NOTICE.route })
  })

  it('answers shown: false where the system has no notifications', async () => {
    const h = startSession()
    expect(await h.value('desktop:notify', NOTICE)).toEqual({ shown: false })
  })

  it('refuses a notice without a title or key, showing nothing', async () => {
    const notifier = new RecordingNotifier()
    const h = startSession({ notifier })
    const noTitle = await h.call('desktop:notify', { ...NOTICE, title: '  ' })
    const noKey = await h.call('desktop:notify', { ...NOTICE, key: '' })
    expect([noTitle.ok, noKey.ok]).toEqual([false, false])
    expect(!noTitle.ok && noTitle.error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('title') })
    expect(notifier.notices).toEqual([])
  })
})
