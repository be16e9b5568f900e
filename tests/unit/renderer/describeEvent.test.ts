import i18next, { type i18n as I18n } from 'i18next'
import { beforeAll, describe, expect, it } from 'vitest'
import type { PartnershipEventRow } from '../../../src/shared/contract'
import { eventMeaning, eventSentence } from '../../../src/renderer/src/screens/activity/describeEvent'
import { en } from '../../../src/renderer/src/i18n/en'
import { fr } from '../../../src/renderer/src/i18n/fr'

type Row = Pick<PartnershipEventRow, 'kind' | 'before' | 'after' | 'clientName'>
const row = (kind: Row['kind'], before: Row['before'], after: Row['after'], clientName = 'Client X'): Row => ({ kind, before, after, clientName })

let i18n: I18n
beforeAll(async () => {
  i18n = i18next.createInstance()
  await i18n.init({ resources: { en: { translation: en }, fr: { translation: fr } }, lng: 'en', fallbackLng: 'en', initAsync: false, interpolation: { escapeValue: false } })
})

describe('eventMeaning', () => {
  it('reads the values the sync recorded', () => {
    expect(eventMeaning(row('payment_mode', { payment_mode: 'customer' }, { payment_mode: 'partner' }))).toEqual({
      kind: 'paymentMode',
      from: 'customer',
      to: 'partner',
    })
    expect(eventMeaning(row('access_type', { access_type: 'limited' }, { access_type: 'complete' }))).toEqual({
      kind: 'accessType',
      from: 'limited',
      to: 'complete',
    })
    expect(eventMeaning(row('status', { status: 'active' }, { status: 'ended' }))).toEqual({ kind: 'status', from: 'active', to: 'ended' })
    expect(eventMeaning(row('invitation', null, { status: 'invited' }))).toEqual({ kind: 'invitation', status: 'invited' })
    expect(eventMeaning(row('invitation', null, { status: 'pending' }))).toEqual({ kind: 'invitation', status: 'pending' })
  })

  it('counts delegated products added and withdrawn, as sets', () => {
    const delegated = (before: number[], after: number[]) =>
      eventMeaning(row('delegated_products', { product_ids: before }, { product_ids: after }))
    expect(delegated([1, 2], [1, 2, 3, 4, 5])).toEqual({ kind: 'delegated', added: 3, removed: 0 })
    expect(delegated([1, 2, 3], [2])).toEqual({ kind: 'delegated', added: 0, removed: 2 })
    expect(delegated([1, 2], [2, 3])).toEqual({ kind: 'delegated', added: 1, removed: 1 })
  })

  it('does not trust values it does not know', () => {
    expect(eventMeaning(row('payment_mode', { payment_mode: 'wallet' }, null))).toEqual({ kind: 'paymentMode', from: null, to: null })
    expect(eventMeaning(row('delegated_products', { product_ids: 'x' }, { product_ids: [1, 'two', 3] }))).toEqual({
      kind: 'delegated',
      added: 2,
      removed: 0,
    })
    expect(eventMeaning(row('renamed' as Row['kind'], null, null))).toEqual({ kind: 'unknown' })
  })
})

describe('eventSentence', () => {
  it('says what changed in plain English, naming the client', async () => {
    await i18n.changeLanguage('en')
    const t = i18n.t.bind(i18n)
    expect(eventSentence(t, row('payment_mode', { payment_mode: 'customer' }, { payment_mode: 'partner' }))).toBe(
      'Client X switched from customer pays to partner pays',
    )
    expect(eventSentence(t, row('access_type', { access_type: 'limited' }, { access_type: 'complete' }, 'Client Y'))).toBe(
      'Client Y changed access from limited to complete',
    )
    expect(eventSentence(t, row('delegated_products', { product_ids: [1] }, { product_ids: [1, 2, 3, 4] }, 'Client Z'))).toBe(
      'Client Z delegated 3 more products',
    )
    expect(eventSentence(t, row('delegated_products', { product_ids: [] }, { product_ids: [9] }, 'Client Z'))).toBe(
      'Client Z delegated 1 more product',
    )
    expect(eventSentence(t, row('delegated_products', { product_ids: [1, 2] }, { product_ids: [3] }))).toBe(
      'Client X changed the products delegated to you: 1 added, 2 withdrawn',
    )
    expect(eventSentence(t, row('invitation', null, { status: 'invited' }, 'Client W'))).toBe('New invitation from Client W')
    expect(eventSentence(t, row('status', { status: 'active' }, { status: 'ended' }))).toBe('The partnership with Client X has ended')
    expect(eventSentence(t, row('status', { status: 'invited' }, { status: 'pending' }))).toBe(
      'The partnership with Client X changed from invited to pending',
    )
    expect(eventSentence(t, row('payment_mode', null, null))).toBe('Client X changed the payment mode')
  })

  it('speaks French, with French plurals', async () => {
    await i18n.changeLanguage('fr')
    const t = i18n.t.bind(i18n)
    expect(eventSentence(t, row('payment_mode', { payment_mode: 'customer' }, { payment_mode: 'partner' }))).toBe(
      'Client X : le mode de paiement est passé de « le client paie » à « le partenaire paie »',
    )
    expect(eventSentence(t, row('delegated_products', { product_ids: [] }, { product_ids: [1, 2, 3] }))).toBe(
      'Client X vous a délégué 3 produits de plus',
    )
    expect(eventSentence(t, row('delegated_products', { product_ids: [1] }, { product_ids: [] }))).toBe(
      'Client X vous a retiré 1 produit délégué',
    )
    expect(eventSentence(t, row('invitation', null, { status: 'invited' }, 'Client W'))).toBe('Nouvelle invitation de Client W')
  })
})
