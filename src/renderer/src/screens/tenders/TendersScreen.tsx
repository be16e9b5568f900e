import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { TenderFilter, TenderPrefs, TenderRow } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'
import { InlineError } from '../../components/InlineError'
import { useFormatters } from '../../i18n/useFormatters'
import { DataSourceNote } from '../../session/DataSourceNote'
import { CriteriaDialog } from './CriteriaDialog'
import { DeclineDialog } from './DeclineDialog'
import { HelpOverlay } from './HelpOverlay'
import { ImportDialog } from './ImportDialog'
import { triageAction } from './keys'
import { SnoozeDialog } from './SnoozeDialog'
import { TenderList } from './TenderList'
import { TenderPanel } from './TenderPanel'
import { ACTIVE_VIEW, useInbox } from './useInbox'
import { useTenderNotices } from './useTenderNotices'
import { ViewBar } from './ViewBar'
import './tenders.css'

type Overlay = { kind: 'help' } | { kind: 'criteria' } | { kind: 'decline'; tender: TenderRow } | { kind: 'snooze'; tender: TenderRow } | { kind: 'import'; files: File[] } | null

/** The tender inbox: a list to triage by keyboard, the selected tender beside it. */
/** `selectId`: the tender the route names, selected when it changes. */
export function TendersScreen({ selectId }: { selectId: number | null }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const api = useApi()
  const [filter, setFilter] = useState<TenderFilter>(ACTIVE_VIEW)
  const inbox = useInbox(filter)
  const [overlay, setOverlay] = useState<Overlay>(null)
  const [version, setVersion] = useState(0)
  const [announce, setAnnounce] = useState('')
  const list = useRef<HTMLUListElement>(null)
  const panel = useRef<HTMLElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const rows = inbox.page?.rows ?? []
  const selected = rows.find((r) => r.id === inbox.selectedId) ?? null
  const now = inbox.page?.now ?? Math.floor(Date.now() / 1000)
  const checkNotices = useTenderNotices()
  const [views, setViews] = useState<TenderPrefs['views']>([])
  useEffect(() => {
    void api.call('tenders:getPrefs', {}).then((result) => result.ok && setViews(result.value.views))
  }, [api])
  const saveView = (name: string) =>
    void api.call('tenders:setPrefs', { views: [...views.filter((v) => v.name !== name), { name, filter }] }).then((result) => result.ok && setViews(result.value.views))

  // Opening the inbox is a visit: what arrives from now on is "new" next time.
  useEffect(() => {
    void api.call('tenders:visit', {})
  }, [api])
  // The route names a tender (a clicked desktop notice, Back): select it.
  const { reload } = inbox
  useEffect(() => {
    if (selectId !== null) reload(selectId)
  }, [selectId, reload])

  const refreshed = () => {
    setVersion((v) => v + 1)
    list.current?.focus()
  }
  const move = (to: 'shortlisted' | 'dismissed', reason?: string) =>
    inbox.act(async (tender) => {
      const result = await api.call('tenders:move', { id: tender.id, to, ...(reason ? { reason } : {}) })
      if (result.ok) setAnnounce(t('tenders.moved', { title: tender.title, state: t(`tenders.state.${result.value.state}`) }))
      return result
    })

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (overlay !== null) return
    const action = triageAction(event)
    if (action === null) return
    // Enter on a button or link inside the panel is that button's.
    if (action === 'open' && event.target !== list.current) return
    event.preventDefault()
    switch (action) {
      case 'next':
        return inbox.step(1)
      case 'previous':
        return inbox.step(-1)
      case 'shortlist':
        return void move('shortlisted').then(refreshed)
      case 'decline':
        return selected && setOverlay({ kind: 'decline', tender: selected })
      case 'snooze':
        return selected && setOverlay({ kind: 'snooze', tender: selected })
      case 'open':
        return panel.current?.focus()
      case 'search':
        return search.current?.focus()
      case 'undo':
        return void api.call('tenders:undo', {}).then((result) => {
          if (!result.ok) return setAnnounce(result.error.message)
          setAnnounce(t('tenders.undone', { title: result.value.title, state: t(`tenders.state.${result.value.state}`) }))
          inbox.reload(result.value.id)
          refreshed()
        })
      case 'import':
        return setOverlay({ kind: 'import', files: [] })
      case 'help':
        return setOverlay({ kind: 'help' })
    }
  }
  const closeOverlay = () => {
    setOverlay(null)
    list.current?.focus()
  }

  return (
    <section
      className="screen tenders-screen"
      aria-labelledby="tenders-title"
      data-testid="screen-tenders"
      onKeyDown={onKeyDown}
      onDragOver={(event) => event.preventDefault()}
      onDrop={(event) => {
        event.preventDefault()
        const files = [...event.dataTransfer.files].filter((file) => /\.eml$/i.test(file.name) || file.type === 'message/rfc822')
        if (files.length > 0) setOverlay({ kind: 'import', files })
      }}
    >
      <h1 id="tenders-title" className="screen-title" tabIndex={-1}>
        {t('tenders.title')}
      </h1>
      <p className="screen-intro">{t('tenders.intro')}</p>
      <DataSourceNote set="tenders" />
      <ViewBar
        filter={filter}
        onChange={setFilter}
        searchRef={search}
        saved={views}
        onSaveView={saveView}
        onImport={() => setOverlay({ kind: 'import', files: [] })}
        onCriteria={() => setOverlay({ kind: 'criteria' })}
        onHelp={() => setOverlay({ kind: 'help' })}
      />
      {inbox.error && <InlineError message={inbox.error.message} onRetry={() => inbox.reload()} />}
      <p className="tenders-count" data-testid="tenders-count" aria-live="polite">
        {inbox.page && t('tenders.shown', { count: inbox.page.total, total: format.number(inbox.page.total) })}
        {inbox.page && inbox.page.newSinceVisit > 0 && ` · ${t('tenders.newSinceVisit', { count: inbox.page.newSinceVisit })}`}
      </p>
      <p className="visually-hidden" role="status" data-testid="tenders-announce">
        {announce}
      </p>
      <div className="tenders-layout">
        <TenderList ref={list} rows={rows} selectedId={inbox.selectedId} now={now} onSelect={inbox.select} onOpen={() => panel.current?.focus()} />
        {inbox.selectedId !== null && <TenderPanel ref={panel} id={inbox.selectedId} version={version} now={now} onChanged={() => inbox.reload(inbox.selectedId ?? undefined)} />}
      </div>
      {overlay?.kind === 'help' && <HelpOverlay onClose={closeOverlay} />}
      {overlay?.kind === 'criteria' && (
        <CriteriaDialog
          onCancel={closeOverlay}
          onSaved={() => {
            closeOverlay()
            inbox.reload()
            refreshed()
          }}
        />
      )}
      {overlay?.kind === 'decline' && (
        <DeclineDialog
          title={overlay.tender.title}
          onCancel={closeOverlay}
          onDecline={(reason) => {
            closeOverlay()
            void move('dismissed', reason).then(refreshed)
          }}
        />
      )}
      {overlay?.kind === 'snooze' && (
        <SnoozeDialog
          now={now}
          validUntil={overlay.tender.validUntil}
          onCancel={closeOverlay}
          onSnooze={(until) => {
            closeOverlay()
            void inbox.act((tender) => api.call('tenders:snooze', { id: tender.id, until })).then(refreshed)
          }}
        />
      )}
      {overlay?.kind === 'import' && (
        <ImportDialog
          files={overlay.files}
          onCancel={closeOverlay}
          onDone={(added) => {
            closeOverlay()
            setAnnounce(t('tenders.import.added', { count: added.length }))
            checkNotices()
            inbox.reload(added[0])
          }}
        />
      )}
    </section>
  )
}
