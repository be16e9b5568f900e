import { useId, useRef, useState, type FormEvent, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientDetail, ClientTag } from '../../../../../shared/contract'
import { ConfirmDialog } from '../../../components/ConfirmDialog'
import { ManagerLink } from '../../../components/ManagerLink'
import { useCapability } from '../../../session/useCapability'
import { colorHex } from '../../outbox/describeChange'
import { isUnsent, parseColor, tagUpdate } from '../clientDetail'
import type { Submit } from './useSubmit'

const DEFAULT_COLOR = '#2f80ed'

export function TagChip({ tag }: { tag: ClientTag }) {
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

export function TagsSection({
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
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-tags">
      <h2 id={headingId} ref={headingRef} tabIndex={-1} className="subsection-title">
        {t('clientDetail.tagsTitle', { count: detail.tags.length })}
      </h2>
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
