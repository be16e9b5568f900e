import { describe, expect, it } from 'vitest'
import { buildUrl, type Endpoint } from '../../../src/main/core/remote/http/endpoint'
import { describeRequest } from '../../../src/main/core/remote/http/errors'

const base = new URL('https://api.example.test')

describe('buildUrl', () => {
  it('fills placeholders, encoding each value as one path segment', () => {
    const url = buildUrl(base, { path: '/1/accounts/{account_id}/tags/{tag}', params: { account_id: 42, tag: 'a b/c?d' } })
    expect(url.href).toBe('https://api.example.test/1/accounts/42/tags/a%20b%2Fc%3Fd')
  })

  it('keeps the base URL path as a prefix, with or without a trailing slash', () => {
    for (const prefix of ['https://partner.example.test/api', 'https://partner.example.test/api/']) {
      expect(buildUrl(new URL(prefix), { path: '/1/tenders' }).href).toBe('https://partner.example.test/api/1/tenders')
    }
  })

  it('adds the query, leaving out undefined values', () => {
    const url = buildUrl(base, { path: '/1/products' }, { account_id: 7, 'filter[name]': 'Müller & Co', search: undefined })
    expect(url.pathname).toBe('/1/products')
    expect([...url.searchParams]).toEqual([
      ['account_id', '7'],
      ['filter[name]', 'Müller & Co'],
    ])
  })

  it('refuses a template and parameters that do not match, or values that would change the path', () => {
    const dynamic = (path: string, params: Record<string, string | number>): Endpoint => ({ path, params })
    expect(() => buildUrl(base, dynamic('/1/accounts/{account_id}', {}))).toThrow('/1/accounts/{account_id}: no value for {account_id}')
    expect(() => buildUrl(base, dynamic('/1/accounts', { account_id: 1 }))).toThrow('no placeholder for account_id')
    expect(() => buildUrl(base, dynamic('/1/accounts/{id}', { id: '..' }))).toThrow('{id} is ".."')
    expect(() => buildUrl(base, dynamic('/1/accounts/{id}', { id: '' }))).toThrow('{id} is ""')
    expect(() => buildUrl(base, dynamic('/1/accounts/{id}', { id: 1.5 }))).toThrow('not an integer id')
    expect(() => buildUrl(base, dynamic('1/accounts', {}))).toThrow('must start with /')
    expect(() => buildUrl(base, { path: '/1/products' }, { page: Number.NaN })).toThrow('query page is NaN')
  })

  it('types a literal template: exactly its placeholders are required', () => {
    const endpoints: Endpoint[] = [
      // @ts-expect-error account_id is missing
      { path: '/1/accounts/{account_id}/tags' } satisfies Endpoint<'/1/accounts/{account_id}/tags'>,
      // @ts-expect-error a parameter the template does not have
      { path: '/1/products', params: { id: 1 } } satisfies Endpoint<'/1/products'>,
    ]
    expect(endpoints).toHaveLength(2)
  })
})

describe('describeRequest', () => {
  it('names the method, the template, its parameters and the page', () => {
    expect(describeRequest({ method: 'GET', path: '/1/products' })).toBe('GET /1/products')
    expect(describeRequest({ method: 'DELETE', path: '/1/accounts/{a}/tags/{t}', params: { a: 1, t: 9 } })).toBe(
      'DELETE /1/accounts/{a}/tags/{t} (a=1, t=9)',
    )
    expect(describeRequest({ method: 'GET', path: '/1/products', page: 3 })).toBe('GET /1/products page 3')
  })
})
