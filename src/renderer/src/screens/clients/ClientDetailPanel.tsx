import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Change } from '../../../../shared/changes'
import type { ClientDetail, ClientProduct, ClientTag } from '../../../../shared/contract'
import { useApi } from '../../api/ApiContext'
import { useCacheInfo } from '../../app/CacheInfoContext'
import { holdBusy } from '../../app/readiness'
import { useCoreLoad } from '../../app/useCoreLoad'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { Dialog } from '../../components/Dialog'
import { InlineError } from '../../components/InlineError'
import { ManagerLink } from '../../components/ManagerLink'
import { useFormatters } from '../../i18n/useFormatters'
import { useSync } from '../../session/SyncContext'
import { useCapability } from '../../session/useCapability'
import { colorHex } from '../outbox/describeChange'
import { confirmsName, isUnsent, parseColor, tagToggle, tagUpdate } from './clientDetail'

type Section = 'tags' | 'products' | 'partnership'
interface Failure {
  section: Section
  message: string
  /** The server offers no endpoint for the change: the Manager does it. */
  notOffered: boolean
}

const DEFAULT_COLOR = '#2f80ed'

/**
 * One client in a modal panel over the Clients table: its facts, products and
 * tags, and the changes a partner can make offline. Every change goes through
 * `changes:submit`; the panel then reads `clients:get` again.
 */
export function ClientDetailPanel({ clientId, onClose }: { clientId: number; onClose(): void }) {
  const { t } = useTranslation()
  const api = useApi()
  const { generation } = useCacheInfo()
  const detail = useCoreLoad(() => api.call('clients:get', { id: clientId }), `${clientId}:${generation}`)
  useReadDetailsOnOpen(clientId, detail.value?.detailsAt)
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)

  const submit = async (section: Section, change: Change): Promise<boolean> => {
    setBusy(true)
    setFailure(null)
    const release = holdBusy()
    const result = await api.call('changes:submit', { change })
    setBusy(false)
    // On success the core announces the change, which reads the panel again.
    if (!result.ok) setFailure({ section, message: result.error.message, notOffered: result.error.code === 'not_offered' })
    release()
    return result.ok
  }

  const value = detail.value
  const errorOf = (section: Section) =>
    failure?.section === section ? (
      <div data-testid={`${section}-error`}>
        <InlineError message={t('clientDetail.changeFailed', { message: failure.message })} onDismiss={() => setFailure(null)} />
        {failure.notOffered && <ManagerLink />}
      </div>
    ) : null

  return (
    <Dialog title={value?.client.name ?? t('clientDetail.loading')} onCancel={onClose} className="client-detail" testId="client-detail">
      <button
        type="button"
        className="button button-quiet client-detail-close"
        onClick={onClose}
        aria-label={t('clientDetail.close')}
        data-testid="client-detail-close"
      >
        {t('clientDetail.close')}
      </button>
      {detail.error && (
        <InlineError message={t('clientDetail.loadError', { message: detail.error.message })} onRetry={detail.reload} />
      )}
      {value === null ? (
        detail.loading && (
          <p role="status" className="muted">
            {t('clientDetail.loading')}
          </p>
        )
      ) : (
        <>
          <Facts detail={value} />
          <TagsSection detail={value} busy={busy} submit={submit} error={errorOf('tags')} onLocalError={(message) => setFailure({ section: 'tags', message, notOffered: false })} />
          <ProductsSection detail={value} busy={busy} submit={submit} error={errorOf('products')} />
          <PartnershipSection detail={value} busy={busy} submit={submit} error={errorOf('partnership')} />
        </>
      )}
    </Dialog>
  )
}

type Submit = (section: Section, change: Change) => Promise<boolean>

/**
 * A client whose own record (addresses, VAT) was never read gets it read now,
 * once per opening, when an account is active; `cache:changed` then shows it.
 */
function useReadDetailsOnOpen(clientId: number, detailsAt: number | null | undefined): void {
  const api = useApi()
  const { availability } = useSync()
  const account = availability.kind === 'ready'
  const asked = useRef<number | null>(null)
  useEffect(() => {
    if (!account || detailsAt !== null || asked.current === clientId) return
    asked.current = clientId
    void api.call('clients:refreshDetails', { id: clientId })
  }, [api, account, clientId, detailsAt])
}

function Facts({ detail }: { detail: ClientDetail }) {
  const { t } = useTranslation()
  const format = useFormatters()
  // The demo data has no Infomaniak record behind it to read.
  const account = useSync().availability.kind === 'ready'
  const { client } = detail
  return (
    <dl className="facts client-facts" data-testid="client-detail-facts">
      {account && (
        <div className="facts-row">
          <dt>{t('clientDetail.detailsAsOf')}</dt>
          <dd data-testid="client-detail-details-at">{detail.detailsAt === null ? t('clientDetail.detailsNotRead') : format.dateTime(detail.detailsAt)}</dd>
        </div>
      )}
      <div className="facts-row">
        <dt>{t('clients.columns.vatNumber')}</dt>
        <dd data-testid="client-detail-vat">{client.vatNumber ?? t('common.none')}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('clients.columns.access')}</dt>
        <dd data-testid="client-detail-access">{t(`clients.access.${client.accessType}`)}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('clients.columns.payment')}</dt>
        <dd data-testid="client-detail-payment">{client.paymentMode === null ? t('common.none') : t(`clients.payment.${client.paymentMode}`)}</dd>
      </div>
      <div className="facts-row">
        <dt>{t('clients.columns.status')}</dt>
        <dd data-testid="client-detail-status" data-status={client.status}>
          <span className={`status status-${client.status}`}>{t(`clients.status.${client.status}`)}</span>
        </dd>
      </div>
    </dl>
  )
}

function TagChip({ tag }: { tag: ClientTag }) {
  const { t } = useTranslation()
  const unsent = isUnsent(tag)
  return (
    <span
      className={unsent ? 'tag tag-chip is-unsent' : 'tag tag-chip'}
      data-testid="product-tag-chip"
      data-tag-id={tag.id}
      data-unsent={unsent ? 'true' : undefined}
      title={unsent ? t('clientDetail.notSentTitle') : undefined}
    >
      <span className="swatch tag-swatch" style={{ background: colorHex(tag.color) }} aria-hidden="true" />
      {tag.name}
      {unsent && <UnsentMarker />}
    </span>
  )
}

function UnsentMarker() {
  const { t } = useTranslation()
  return (
    <span className="unsent-marker" title={t('clientDetail.notSentTitle')} data-testid="tag-unsent">
      {t('clientDetail.notSent')}
    </span>
  )
}

function TagsSection({
  detail,
  busy,
  submit,
  error,
  onLocalError,
}: {
  detail: ClientDetail
  busy: boolean
  submit: Submit
  error: ReactNode
  onLocalError(message: string): void
}) {
  const { t } = useTranslation()
  const headingId = useId()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const nameId = useId()
  const colorId = useId()
  const organizationId = detail.client.id
  const [name, setName] = useState('')
  const [color, setColor] = useState(DEFAULT_COLOR)
  const [editing, setEditing] = useState<{ tag: ClientTag; name: string; color: string } | null>(null)
  const [deleting, setDeleting] = useState<ClientTag | null>(null)
  const tagWrites = useCapability('partnerships')

  const create = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    const value = parseColor(color)
    if (name.trim() === '') return onLocalError(t('clientDetail.nameRequired'))
    if (value === null) return onLocalError(t('clientDetail.colorInvalid'))
    if (await submit('tags', { kind: 'tag.create', organizationId, name: name.trim(), color: value })) setName('')
  }

  const save = async (event: FormEvent): Promise<void> => {
    event.preventDefault()
    if (editing === null) return
    const value = parseColor(editing.color)
    if (editing.name.trim() === '') return onLocalError(t('clientDetail.nameRequired'))
    if (value === null) return onLocalError(t('clientDetail.colorInvalid'))
    const change = tagUpdate(organizationId, editing.tag, editing.name, value)
    if (change === null || (await submit('tags', change))) setEditing(null)
  }

  const remove = async (): Promise<void> => {
    if (deleting === null) return
    const ok = await submit('tags', { kind: 'tag.delete', organizationId, tagId: deleting.id })
    setDeleting(null)
    if (ok) {
      if (editing?.tag.id === deleting.id) setEditing(null)
      // The Delete button is gone with its tag: focus stays in the section.
      requestAnimationFrame(() => headingRef.current?.focus())
    }
  }

  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid="client-tags">
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="subsection-title">
        {t('clientDetail.tagsTitle', { count: detail.tags.length })}
      </h3>
      {tagWrites === 'not_offered' && (
        <p className="muted" data-testid="tags-not-offered">
          {t('manager.tagsThere')} <ManagerLink />
        </p>
      )}
      {error}
      {detail.tags.length === 0 ? (
        <p className="muted" data-testid="tags-empty">
          {t('clientDetail.tagsEmpty')}
        </p>
      ) : (
        <ul className="detail-list" data-testid="tag-list">
          {detail.tags.map((tag) =>
            editing?.tag.id === tag.id ? (
              <li key={tag.id} className="detail-item" data-testid="tag-item" data-tag-id={tag.id} data-tag-name={tag.name}>
                <form className="inline-form" onSubmit={(event) => void save(event)}>
                  <label className="visually-hidden" htmlFor={`${nameId}-edit`}>
                    {t('clientDetail.tagName')}
                  </label>
                  <input
                    id={`${nameId}-edit`}
                    className="input input-compact"
                    value={editing.name}
                    maxLength={64}
                    autoFocus
                    onChange={(event) => setEditing({ ...editing, name: event.target.value })}
                    onKeyDown={(event) => {
                      if (event.key === 'Escape') {
                        event.preventDefault()
                        event.stopPropagation()
                        setEditing(null)
                      }
                    }}
                    data-testid="tag-edit-name"
                  />
                  <label className="visually-hidden" htmlFor={`${colorId}-edit`}>
                    {t('clientDetail.tagColor')}
                  </label>
                  <input
                    id={`${colorId}-edit`}
                    type="color"
                    className="color-input"
                    value={editing.color}
                    onChange={(event) => setEditing({ ...editing, color: event.target.value })}
                    data-testid="tag-edit-color"
                  />
                  <button type="submit" className="button button-primary" disabled={busy} data-testid="tag-edit-save">
                    {t('clientDetail.save')}
                  </button>
                  <button type="button" className="button" onClick={() => setEditing(null)} data-testid="tag-edit-cancel">
                    {t('common.cancel')}
                  </button>
                </form>
              </li>
            ) : (
              <li key={tag.id} className="detail-item" data-testid="tag-item" data-tag-id={tag.id} data-tag-name={tag.name}>
                <span className="swatch" style={{ background: colorHex(tag.color) }} aria-hidden="true" />
                <span className="tag-name" data-testid="tag-name">
                  {tag.name}
                </span>
                {isUnsent(tag) && <UnsentMarker />}
                <span className="detail-actions">
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={busy}
                    onClick={() => setEditing({ tag, name: tag.name, color: colorHex(tag.color) })}
                    aria-label={t('clientDetail.editTagLabel', { name: tag.name })}
                    data-testid="tag-rename"
                  >
                    {t('clientDetail.editTag')}
                  </button>
                  <button
                    type="button"
                    className="button button-danger-quiet"
                    disabled={busy}
                    onClick={() => setDeleting(tag)}
                    aria-label={t('clientDetail.deleteTagLabel', { name: tag.name })}
                    data-testid="tag-delete"
                  >
                    {t('clientDetail.deleteTag')}
                  </button>
                </span>
              </li>
            ),
          )}
        </ul>
      )}
      <form className="inline-form" onSubmit={(event) => void create(event)} data-testid="tag-create">
        <label htmlFor={nameId}>{t('clientDetail.newTag')}</label>
        <input
          id={nameId}
          className="input input-compact"
          value={name}
          maxLength={64}
          placeholder={t('clientDetail.tagNamePlaceholder')}
          onChange={(event) => setName(event.target.value)}
          data-testid="tag-create-name"
        />
        <label className="visually-hidden" htmlFor={colorId}>
          {t('clientDetail.tagColor')}
        </label>
        <input
          id={colorId}
          type="color"
          className="color-input"
          value={color}
          onChange={(event) => setColor(event.target.value)}
          data-testid="tag-create-color"
        />
        <button type="submit" className="button" disabled={busy} data-testid="tag-create-submit">
          {t('clientDetail.createTag')}
        </button>
      </form>
      {deleting !== null && (
        <ConfirmDialog
          title={t('clientDetail.deleteTitle', { name: deleting.name })}
          body={t('clientDetail.deleteBody', { name: deleting.name })}
          confirmLabel={t('clientDetail.deleteConfirm')}
          busy={busy}
          onConfirm={() => void remove()}
          onCancel={() => setDeleting(null)}
        />
      )}
    </section>
  )
}

function ProductsSection({ detail, busy, submit, error }: { detail: ClientDetail; busy: boolean; submit: Submit; error: ReactNode }) {
  const { t } = useTranslation()
  const headingId = useId()
  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid="client-products">
      <h3 id={headingId} className="subsection-title">
        {t('clientDetail.productsTitle', { count: detail.products.length })}
      </h3>
      {error}
      {detail.products.length === 0 ? (
        <p className="muted" data-testid="products-empty">
          {t('clientDetail.productsEmpty')}
        </p>
      ) : (
        <ul className="detail-list product-list" data-testid="product-list">
          {detail.products.map((product) => (
            <ProductItem key={product.id} product={product} detail={detail} busy={busy} submit={submit} />
          ))}
        </ul>
      )}
    </section>
  )
}

function ProductItem({ product, detail, busy, submit }: { product: ClientProduct; detail: ClientDetail; busy: boolean; submit: Submit }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const byId = new Map(detail.tags.map((tag) => [tag.id, tag]))
  const chips = product.tagIds.map((id) => byId.get(id)).filter((tag): tag is ClientTag => tag !== undefined)
  // A box shows its new state at once; the next read of the client confirms it (or a failure puts it back).
  const [wanted, setWanted] = useState<ReadonlyMap<number, boolean>>(new Map())
  const tagKey = product.tagIds.join(',')
  useEffect(() => setWanted(new Map()), [tagKey])
  const toggle = async (tagId: number, on: boolean): Promise<void> => {
    setWanted((current) => new Map(current).set(tagId, on))
    const ok = await submit('products', tagToggle(detail.client.id, tagId, product.id, on))
    if (!ok)
      setWanted((current) => {
        const next = new Map(current)
        next.delete(tagId)
        return next
      })
  }
  return (
    <li className="detail-item product-item" data-testid="product-item" data-product-id={product.id}>
      <span className="product-service">{product.service === 'other' ? product.serviceName : t(`clientDetail.service.${product.service}`)}</span>
      <span className="product-name" title={product.fqdn ?? product.name}>
        {product.name}
        {product.fqdn !== null && product.fqdn !== product.name && <span className="muted"> · {product.fqdn}</span>}
      </span>
      <span className="product-expiry muted">
        {product.expiredAt === null ? t('clientDetail.noExpiry') : t('clientDetail.expires', { date: format.date(product.expiredAt) })}
      </span>
      {chips.length > 0 && (
        // A group, so its label is announced (a plain span may not carry one).
        <span className="product-tags" role="group" aria-label={t('clientDetail.productTags')}>
          {chips.map((tag) => (
            <TagChip key={tag.id} tag={tag} />
          ))}
        </span>
      )}
      {detail.tags.length > 0 && (
        <details className="tag-picker" data-testid="product-tags-picker">
          <summary className="button button-quiet" data-testid="product-tags-edit" aria-label={t('clientDetail.pickTagsLabel', { name: product.name })}>
            {t('clientDetail.pickTags')}
          </summary>
          <fieldset className="tag-picker-list">
            <legend className="visually-hidden">{t('clientDetail.pickTagsLabel', { name: product.name })}</legend>
            {detail.tags.map((tag) => {
              const on = wanted.get(tag.id) ?? product.tagIds.includes(tag.id)
              return (
                <label key={tag.id} className="checkbox">
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={busy}
                    onChange={() => void toggle(tag.id, !on)}
                    data-testid="product-tag-toggle"
                    data-tag-id={tag.id}
                    data-tag-name={tag.name}
                  />
                  <span className="swatch" style={{ background: colorHex(tag.color) }} aria-hidden="true" />
                  {tag.name}
                </label>
              )
            })}
          </fieldset>
        </details>
      )}
    </li>
  )
}

function PartnershipSection({ detail, busy, submit, error }: { detail: ClientDetail; busy: boolean; submit: Submit; error: ReactNode }) {
  const { t } = useTranslation()
  const headingId = useId()
  const typedId = useId()
  const typedRef = useRef<HTMLInputElement>(null)
  const [step, setStep] = useState<0 | 1 | 2>(0)
  const [typed, setTyped] = useState('')
  const name = detail.client.name
  const active = detail.client.status === 'active'
  const stopping = useCapability('partnerships')

  const stop = async (): Promise<void> => {
    if (!confirmsName(typed, name)) return
    await submit('partnership', { kind: 'partnership.stop', partnershipId: detail.partnershipId })
    setStep(0)
    setTyped('')
  }

  return (
    <section className="detail-section" aria-labelledby={headingId} data-testid="client-partnership">
      <h3 id={headingId} className="subsection-title">
        {t('clientDetail.partnershipTitle')}
      </h3>
      {error}
      {active && stopping === 'not_offered' ? (
        <p className="muted" data-testid="partnership-stop-not-offered">
          {t('manager.stopThere')} <ManagerLink />
        </p>
      ) : active ? (
        <button type="button" className="button button-danger" disabled={busy} onClick={() => setStep(1)} data-testid="partnership-stop">
          {t('clientDetail.stop')}
        </button>
      ) : (
        <p className="muted" data-testid="partnership-inactive">
          {t('clientDetail.notActive', { status: t(`clients.status.${detail.client.status}`) })}
        </p>
      )}
      {step === 1 && (
        <ConfirmDialog
          key="first"
          title={t('clientDetail.stopTitle', { name })}
          body={t('clientDetail.stopBody', { name })}
          confirmLabel={t('clientDetail.stopContinue')}
          onConfirm={() => setStep(2)}
          onCancel={() => setStep(0)}
          testId="partnership-stop-first"
        />
      )}
      {step === 2 && (
        <ConfirmDialog
          key="second"
          title={t('clientDetail.stopTitle', { name })}
          body={t('clientDetail.stopTypeName', { name })}
          confirmLabel={t('clientDetail.stopConfirm')}
          busy={busy}
          confirmDisabled={!confirmsName(typed, name)}
          initialFocus={typedRef}
          onConfirm={() => void stop()}
          onCancel={() => {
            setStep(0)
            setTyped('')
          }}
          testId="partnership-stop-second"
        >
          <label htmlFor={typedId} className="field-hint">
            {t('clientDetail.stopNameLabel')}
          </label>
          <input
            id={typedId}
            ref={typedRef}
            className="input"
            value={typed}
            autoComplete="off"
            spellCheck={false}
            onChange={(event) => setTyped(event.target.value)}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault()
                void stop()
              }
            }}
            data-testid="partnership-stop-name"
          />
        </ConfirmDialog>
      )}
    </section>
  )
}
