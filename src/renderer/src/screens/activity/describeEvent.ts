import type { TFunction } from 'i18next'
import type { PartnershipEventRow } from '../../../../shared/contract'
import {
  ACCESS_TYPES,
  PARTNERSHIP_STATUSES,
  PAYMENT_MODES,
  type AccessType,
  type PartnershipStatus,
  type PaymentMode,
} from '../../../../shared/domain'

/**
 * What a detected partnership change means, read from its recorded before
 * and after values (see core/sync/merge.ts). Kept as data so the sentence
 * follows the language, and so this reading is testable without React.
 */
export type EventMeaning =
  | { kind: 'paymentMode'; from: PaymentMode | null; to: PaymentMode | null }
  | { kind: 'accessType'; from: AccessType | null; to: AccessType | null }
  | { kind: 'delegated'; added: number; removed: number }
  | { kind: 'status'; from: PartnershipStatus | null; to: PartnershipStatus | null }
  | { kind: 'invitation'; status: 'invited' | 'pending' }
  | { kind: 'unknown' }

function oneOf<T extends string>(values: readonly T[], value: unknown): T | null {
  return typeof value === 'string' && (values as readonly string[]).includes(value) ? (value as T) : null
}

function ids(value: unknown): Set<number> {
  return new Set(Array.isArray(value) ? value.filter((id): id is number => typeof id === 'number') : [])
}

export function eventMeaning(row: Pick<PartnershipEventRow, 'kind' | 'before' | 'after'>): EventMeaning {
  const before = row.before ?? {}
  const after = row.after ?? {}
  switch (row.kind) {
    case 'payment_mode':
      return { kind: 'paymentMode', from: oneOf(PAYMENT_MODES, before.payment_mode), to: oneOf(PAYMENT_MODES, after.payment_mode) }
    case 'access_type':
      return { kind: 'accessType', from: oneOf(ACCESS_TYPES, before.access_type), to: oneOf(ACCESS_TYPES, after.access_type) }
    case 'delegated_products': {
      const was = ids(before.product_ids)
      const now = ids(after.product_ids)
      let added = 0
      let removed = 0
      for (const id of now) if (!was.has(id)) added++
      for (const id of was) if (!now.has(id)) removed++
      return { kind: 'delegated', added, removed }
    }
    case 'status':
      return { kind: 'status', from: oneOf(PARTNERSHIP_STATUSES, before.status), to: oneOf(PARTNERSHIP_STATUSES, after.status) }
    case 'invitation':
      return { kind: 'invitation', status: after.status === 'pending' ? 'pending' : 'invited' }
    default:
      return { kind: 'unknown' }
  }
}

/** The event as one sentence in the current language: "Client X switched from customer pays to partner pays". */
export function eventSentence(t: TFunction, row: Pick<PartnershipEventRow, 'kind' | 'before' | 'after' | 'clientName'>): string {
  const client = row.clientName
  const meaning = eventMeaning(row)
  switch (meaning.kind) {
    case 'paymentMode':
      if (meaning.from !== null && meaning.to !== null) {
        return t('activity.sentence.paymentMode', {
          client,
          from: t(`activity.values.payment.${meaning.from}`),
          to: t(`activity.values.payment.${meaning.to}`),
        })
      }
      return t('activity.sentence.paymentModeChanged', { client })
    case 'accessType':
      if (meaning.from !== null && meaning.to !== null) {
        return t('activity.sentence.accessType', {
          client,
          from: t(`activity.values.access.${meaning.from}`),
          to: t(`activity.values.access.${meaning.to}`),
        })
      }
      return t('activity.sentence.accessTypeChanged', { client })
    case 'delegated':
      if (meaning.added > 0 && meaning.removed > 0) {
        return t('activity.sentence.delegatedBoth', { client, added: meaning.added, removed: meaning.removed })
      }
      if (meaning.added > 0) return t('activity.sentence.delegatedMore', { client, count: meaning.added })
      if (meaning.removed > 0) return t('activity.sentence.delegatedFewer', { client, count: meaning.removed })
      return t('activity.sentence.delegatedChanged', { client })
    case 'status':
      if (meaning.to === 'ended') return t('activity.sentence.statusEnded', { client })
      if (meaning.to === 'active') return t('activity.sentence.statusActive', { client })
      if (meaning.from !== null && meaning.to !== null) {
        return t('activity.sentence.status', {
          client,
          from: t(`activity.values.status.${meaning.from}`),
          to: t(`activity.values.status.${meaning.to}`),
        })
      }
      return t('activity.sentence.statusChanged', { client })
    case 'invitation':
      return meaning.status === 'pending'
        ? t('activity.sentence.requestPending', { client })
        : t('activity.sentence.invitation', { client })
    case 'unknown':
      return t('activity.sentence.unknown', { client })
  }
}
