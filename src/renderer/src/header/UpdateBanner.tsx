import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { UpdateBlocker, UpdateState } from '../../../shared/updates'
import { useApi } from '../api/ApiContext'
import { useFormatters } from '../i18n/useFormatters'

type Shown = Extract<UpdateState, { status: 'available' | 'downloading' | 'ready' }>
const isShown = (state: UpdateState | null): state is Shown =>
  state !== null && (state.status === 'available' || state.status === 'downloading' || state.status === 'ready')

/**
 * A newer version of the app: being downloaded (with progress), ready to
 * restart into (with its release notes), or offered again after a failed
 * download. Nothing shows while the app is up to date or cannot update
 * itself, and a failed check is never shown (it is logged by the main process).
 */
export function UpdateBanner() {
  const { t } = useTranslation()
  const format = useFormatters()
  const api = useApi()
  const [state, setState] = useState<UpdateState | null>(null)
  // "Later" hides this version until the app starts again.
  const [laterFor, setLaterFor] = useState<string | null>(null)

  useEffect(() => {
    let live = true
    const stop = api.subscribe('updates:state', (next) => setState(next))
    void api.call('updates:state', {}).then((answer) => {
      if (live && answer.ok) setState((known) => known ?? answer.value)
    })
    return () => {
      live = false
      stop()
    }
  }, [api])

  if (!isShown(state) || laterFor === state.version) return null
  const act = (channel: 'updates:download' | 'updates:install') =>
    void api.call(channel, {}).then((answer) => answer.ok && setState(answer.value))

  const waiting = (blocker: UpdateBlocker): string =>
    blocker.kind === 'work'
      ? t(`updates.waitingFor.${blocker.work}`)
      : blocker.pending === null
        ? t('updates.waitingFor.outboxUnknown')
        : t('updates.waitingFor.outbox', { count: blocker.pending, pending: format.number(blocker.pending) })

  return (
    <section className="banner banner-update" aria-label={t('updates.label')} data-testid="update-banner" data-update-status={state.status}>
      <div className="update-body">
        {state.status === 'available' && (
          <span role="status">{t(state.failed ? 'updates.downloadFailed' : 'updates.available', { version: state.version })}</span>
        )}
        {state.status === 'downloading' && (
          <>
            <span role="status">{t('updates.downloading', { version: state.version, percent: format.number(Math.floor(state.percent)) })}</span>
            <progress className="update-progress" max={100} value={state.percent} aria-label={t('updates.progressLabel', { version: state.version })} />
          </>
        )}
        {state.status === 'ready' && (
          <span role="status" data-testid="update-ready">
            {state.installRequested && state.waitingFor.length > 0
              ? t('updates.willRestart', { version: state.version, waiting: format.list(state.waitingFor.map(waiting)) })
              : t('updates.ready', { version: state.version })}
          </span>
        )}
        {state.notes !== null && (
          <details className="update-notes">
            <summary>{t('updates.notes', { version: state.version })}</summary>
            <p data-testid="update-notes">{state.notes}</p>
          </details>
        )}
      </div>
      {state.status === 'available' && (
        <button type="button" className="button" onClick={() => act('updates:download')} data-testid="update-download">
          {t(state.failed ? 'updates.downloadAgain' : 'updates.download')}
        </button>
      )}
      {state.status === 'ready' && !state.installRequested && (
        <button type="button" className="button button-primary" onClick={() => act('updates:install')} data-testid="update-install">
          {t('updates.restart')}
        </button>
      )}
      {state.status !== 'downloading' && !(state.status === 'ready' && state.installRequested) && (
        <button type="button" className="button button-quiet" onClick={() => setLaterFor(state.version)}>
          {t('updates.later')}
        </button>
      )}
    </section>
  )
}
