import { describe, expect, it } from 'vitest'
import { CLIENTS_ROUTE, formatRoute, navScreen, parseRoute, type Route } from '../../../src/renderer/src/app/route'

describe('routes', () => {
  it('read the routes other screens link to', () => {
    expect(parseRoute('clients/123')).toEqual({ screen: 'client', id: 123 })
    expect(parseRoute('#/billing?clients=1,2,3,2')).toEqual({ screen: 'billing', clients: [1, 2, 3] })
    expect(parseRoute('tenders/45')).toEqual({ screen: 'tenders', id: 45 })
    expect(parseRoute('tenders')).toEqual({ screen: 'tenders', id: null })
    // A tender added from an e-mail has a negative id until the Manager's is known.
    expect(parseRoute('tenders/-7')).toEqual({ screen: 'tenders', id: -7 })
    expect(parseRoute('tenders/0')).toEqual({ screen: 'tenders', id: null })
    expect(parseRoute('outbox')).toEqual({ screen: 'outbox' })
    expect(parseRoute('renewals')).toEqual({ screen: 'renewals', days: 60 })
  })

  it('read filters, search and sort of the clients table, dropping what they do not know', () => {
    expect(parseRoute('clients?access=complete&payment=customer,bogus&renewal=30&tag=Key%2C+VIP&tag=Web&pending=1&q=acme&sort=billing12m&dir=desc')).toEqual({
      screen: 'clients',
      query: 'acme',
      filters: { access: ['complete'], payment: ['customer'], tag: ['Key, VIP', 'Web'], renewalWithin: 30, pending: true },
      sort: 'billing12m',
      direction: 'desc',
    })
    expect(parseRoute('clients?sort=price&renewal=-4&category=nothing')).toEqual(CLIENTS_ROUTE)
  })

  it('read anything unknown as the clients table, never throwing', () => {
    for (const text of ['', '#', 'nowhere/1', 'clients/0', 'clients/abc', '%%%', 'clients?%E0%A4%A=1']) {
      const route = parseRoute(text)
      expect(route.screen === 'clients' || route.screen === 'client').toBe(true)
    }
    expect(parseRoute('clients/abc')).toEqual(CLIENTS_ROUTE)
  })

  it('write what they read, so Back and saved views give the same view', () => {
    const routes: Route[] = [
      CLIENTS_ROUTE,
      { screen: 'clients', query: 'a b', filters: { access: ['limited'], category: ['domain', 'mail'], tag: ['x,y'], currency: ['EUR'], staff: [102, 7], renewalWithin: 14, pending: true }, sort: 'nextExpiry', direction: 'desc' },
      { screen: 'client', id: 9 },
      { screen: 'renewals', days: 30 },
      { screen: 'matrix', query: '', filters: { status: ['active'] } },
      { screen: 'billing', clients: [4, 5] },
      { screen: 'tenders', id: 45 },
      { screen: 'settings' },
    ]
    for (const route of routes) expect(parseRoute(formatRoute(route))).toEqual(route)
    expect(formatRoute({ screen: 'clients', query: '', filters: { access: ['complete'], renewalWithin: 30 }, sort: 'name', direction: 'asc' })).toBe('clients?access=complete&renewal=30')
  })

  it('light the navigation entry each belongs to', () => {
    expect(navScreen({ screen: 'client', id: 1 })).toBe('clients')
    expect(navScreen({ screen: 'tenders', id: 3 })).toBe('tenders')
  })
})
