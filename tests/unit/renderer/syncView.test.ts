import { describe, expect, it } from 'vitest'
import type { SyncStatus } from '../../../src/shared/contract'
import { connectionOf, dataAsOf, failureNotice, isAccountsUnsupported, isNoAccount, progressAfter } from '../../../src/renderer/src/session/syncView'

const never: SyncStatus['asOf'] = { partnerships: null, products: null, tenders: null, invoices: null, billing: null }

describe('dataAsOf', () => {
  it('is the oldest list read, since every list is at least that fresh', () => {
    expect(dataAsOf({ partnerships: 300, products: 200, tenders: null, invoices: 250, billing: 400 })).toBe(200)
  })

  it('is null when nothing was ever synced', () => {
    expect(dataAsOf(never)).toBeNull()
  })
})

describe('connectionOf', () => {
  it('follows the last contact with the server', () => {
    const asOf = { ...never, products: 100 }
    expect(connectionOf({ online: true, asOf })).toEqual({ kind: 'online', asOf: 100 })
    expect(connectionOf({ online: false, asOf })).toEqual({ kind: 'offline', asOf: 100 })
    expect(connectionOf({ online: null, asOf: never })).toEqual({ kind: 'unknown', asOf: null })
  })
})

describe('what a finished sync shows', () => {
  it('gives a notice only where no lasting indicator says it already', () => {
    expect(failureNotice({ code: 'cancelled', message: '' })).toBe('cancelled')
    expect(failureNotice({ code: 'offline', message: '' })).toBeNull()
    expect(failureNotice({ code: 'token_invalid', message: '' })).toBeNull()
    expect(failureNotice({ code: 'remote', message: '' })).toBe('failed')
    expect(failureNotice({ code: 'internal', message: '' })).toBe('failed')
  })

  it('reads the demo’s refusal as "no account", and an unknown channel as a host without accounts', () => {
    expect(isNoAccount({ code: 'invalid_input', message: 'add an account first' })).toBe(true)
    expect(isNoAccount({ code: 'internal', message: '' })).toBe(false)
    expect(isAccountsUnsupported({ code: 'unknown_channel', message: '' })).toBe(true)
    expect(isAccountsUnsupported({ code: 'internal', message: '' })).toBe(false)
  })
})

describe('progressAfter', () => {
  const reports = (shown: ReturnType<typeof progressAfter>) => shown.map(({ resource, done, total }) => `${resource} ${done}/${total}`)

  it('shows the lists read side by side at their latest counts, in the lists’ order, and drops a list once done', () => {
    let shown = progressAfter([], { resource: 'profile', done: 1, total: 1 })
    shown = progressAfter(shown, { resource: 'billing', done: 10, total: 100 })
    shown = progressAfter(shown, { resource: 'products', done: 1, total: 3 })
    expect(reports(shown)).toEqual(['products 1/3', 'billing 10/100'])
    shown = progressAfter(shown, { resource: 'billing', done: 20, total: 100 })
    expect(reports(shown)).toEqual(['products 1/3', 'billing 20/100'])
    shown = progressAfter(shown, { resource: 'products', done: 3, total: 3 })
    expect(reports(shown)).toEqual(['billing 20/100'])
  })

  it('shows the last list alone when every list read is done, and a step that is not a list alone', () => {
    let shown = progressAfter([], { resource: 'tenders', done: 5, total: 5 })
    expect(reports(shown)).toEqual(['tenders 5/5'])
    shown = progressAfter(progressAfter(shown, { resource: 'billing', done: 1, total: 2 }), { resource: 'merge', done: 0, total: 1 })
    expect(reports(shown)).toEqual(['merge 0/1'])
  })
})
