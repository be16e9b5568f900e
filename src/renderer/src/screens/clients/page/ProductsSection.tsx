import { useEffect, useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDetail, ClientProduct, ClientProfile, ClientTag } from '../../../../../shared/contract'
import { useFormatters } from '../../../i18n/useFormatters'
import { colorHex } from '../../outbox/describeChange'
import { tagToggle } from '../clientDetail'
import { TagChip } from './TagsSection'
import type { ChangingSectionProps, Submit } from './useSubmit'

/** Products grouped by service category, each saying who owns, manages and pays it. */
export function ProductsSection({ detail, profile, busy, submit, error }: ChangingSectionProps) {
  const { t } = useTranslation()
  const format = useFormatters()
  const headingId = useId()
  const groups = new Map<string, ClientProduct[]>()
  for (const product of detail.products) {
    const key = product.service === 'other' ? product.serviceName : product.service
    groups.set(key, [...(groups.get(key) ?? []), product])
  }
  const categoryLabel = (product: ClientProduct) => (product.service === 'other' ? product.serviceName : t(`clientDetail.service.${product.service}`))
  const extra = new Map(profile.products.map((p) => [p.id, p]))
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-products">
      <h2 id={headingId} className="subsection-title">
        {t('clientDetail.productsTitle', { count: detail.products.length })}
      </h2>
      {error}
      {detail.products.length === 0 ? (
        <p className="muted" data-testid="products-empty">
          {t('clientDetail.productsEmpty')}
        </p>
      ) : (
        [...groups.entries()]
          .sort(([, a], [, b]) => categoryLabel(a[0]!).localeCompare(categoryLabel(b[0]!)))
          .map(([key, products]) => (
            <div key={key} className="product-group" data-testid="product-group" data-category={key}>
              <h3 className="product-group-title">
                {t('clientPage.products.group', { category: categoryLabel(products[0]!), n: format.number(products.length) })}
              </h3>
              <ul className="detail-list product-list" data-testid="product-list">
                {products.map((product) => (
                  <ProductItem key={product.id} product={product} detail={detail} profile={profile} extra={extra.get(product.id)} busy={busy} submit={submit} />
                ))}
              </ul>
            </div>
          ))
      )}
    </section>
  )
}

function ProductItem({
  product,
  detail,
  profile,
  extra,
  busy,
  submit,
}: {
  product: ClientProduct
  detail: ClientDetail
  profile: ClientProfile
  extra: ClientProfile['products'][number] | undefined
  busy: boolean
  submit: Submit
}) {
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
  const limited = profile.partnership.accessType === 'limited'
  const manager = product.managedByPartner ? profile.partnership.partnerName : t('clientPage.products.managedByClient')
  const payer = extra?.payer ? extra.payer.name : t('clientPage.products.payerUnknown')
  return (
    <li className="detail-item product-item" data-testid="product-item" data-product-id={product.id}>
      <span className="product-name" title={product.fqdn ?? product.name}>
        {product.name}
        {product.fqdn !== null && product.fqdn !== product.name && <span className="muted"> · {product.fqdn}</span>}
      </span>
      <span className="product-expiry muted">
        {product.expiredAt === null ? t('clientDetail.noExpiry') : t('clientDetail.expires', { date: format.date(product.expiredAt) })}
        {extra && ` · ${t(`clientPage.products.renewal.${extra.renewal}`)}`}
      </span>
      <span className="product-roles muted" data-testid="product-roles">
        {t('clientPage.products.roles', { owner: detail.client.name, manager, payer })}
        {limited && (
          <span className="product-delegated" data-testid="product-delegated" data-delegated={product.managedByPartner ? 'yes' : 'no'}>
            {' · '}
            {product.managedByPartner ? t('clientPage.products.delegated') : t('clientPage.products.notDelegated')}
          </span>
        )}
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
