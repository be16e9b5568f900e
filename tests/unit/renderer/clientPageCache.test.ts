import { describe, expect, it } from 'vitest'
import type { ClientPage, ClientRow } from '../../../src/shared/contract'
import { ClientPageCache } from '../../../src/renderer/src/screens/clients/clientPageCache'

const query = { query: 'host', sort: 'name', direction: 'asc', filters: {} } as const

function row(id: number): ClientRow {
  return {
    id,
    name: `Client ${id}`,
    vatNumber: null,
    currency: 'CHF',
    status: 'active',
    accessType: 'limited',
    paymentMode: null,
    productCount: 0,
    nextExpiry: null,
    tags: [],
    billing12m: [],
  }
}

function page(offset: number, size: number, total: number): { ok: true; value: ClientPage } {
  const rows = Array.from({ length: Math.max(0, Math.min(size, total - offset)) }, (_, i) => row(offset + i))
  return { ok: true, value: { total, offset, rows } }
}

describe('ClientPageCache', () => {
  it('asks only for the first page while the total is unknown', () => {
    const cache = new ClientPageCache(query, 10)
    expect(cache.total).toBeNull()
    expect(cache.missingPages(0, 95)).toEqual([0])
    expect(cache.isSettled(0, 0)).toBe(false)
  })

  it('builds requests from its query and the page', () => {
    const cache = new ClientPageCache(query, 200)
    expect(cache.request(3)).toEqual({ query: 'host', sort: 'name', direction: 'asc', filters: {}, offset: 600, limit: 200 })
  })

  it('fetches exactly the pages covering the visible range, once', () => {
    const cache = new ClientPageCache(query, 10)
    cache.request(0)
    expect(cache.missingPages(0, 5)).toEqual([])
    cache.settle(0, page(0, 10, 45))
    expect(cache.total).toBe(45)
    expect(cache.missingPages(8, 31)).toEqual([1, 2, 3])
    cache.request(1)
    expect(cache.missingPages(8, 31)).toEqual([2, 3])
    // Past the end of the result there is nothing to fetch.
    expect(cache.missingPages(38, 120)).toEqual([3, 4])
    expect(cache.missingPages(45, 60)).toEqual([])
  })

  it('reads rows across page boundaries and leaves holes for unfetched pages', () => {
    const cache = new ClientPageCache(query, 10)
    cache.settle(0, page(0, 10, 30))
    cache.settle(2, page(20, 10, 30))
    expect(cache.rowAt(9)?.id).toBe(9)
    expect(cache.rowAt(10)).toBeUndefined()
    expect(cache.rowAt(21)?.id).toBe(21)
    expect(cache.isSettled(0, 9)).toBe(true)
    expect(cache.isSettled(5, 15)).toBe(false)
  })

  it('counts an empty result as settled with nothing to fetch', () => {
    const cache = new ClientPageCache(query, 10)
    cache.settle(0, page(0, 10, 0))
    expect(cache.total).toBe(0)
    expect(cache.missingPages(0, 30)).toEqual([])
    expect(cache.isSettled(0, 30)).toBe(true)
  })

  it('holds a failed page back until retry, while the range counts as settled', () => {
    const cache = new ClientPageCache(query, 10)
    cache.request(0)
    cache.settle(0, { ok: false, error: { code: 'internal', message: 'disk I/O error' } })
    expect(cache.error?.message).toBe('disk I/O error')
    expect(cache.isSettled(0, 5)).toBe(true)
    expect(cache.missingPages(0, 5)).toEqual([])
    cache.clearFailures()
    expect(cache.error).toBeNull()
    expect(cache.missingPages(0, 5)).toEqual([0])
  })

  it('settles a page from an answer at hand for its exact request, and asks for it when there is none', () => {
    const cache = new ClientPageCache(query, 10)
    const asked: unknown[] = []
    expect(cache.settleKnown(0, (request) => void asked.push(request))).toBe(false)
    expect(asked).toEqual([{ ...query, offset: 0, limit: 10 }])
    // Nothing at hand leaves the page to fetch.
    expect(cache.missingPages(0, 5)).toEqual([0])
    expect(cache.settleKnown(0, () => page(0, 10, 30))).toBe(true)
    expect(cache.total).toBe(30)
    expect(cache.rowAt(3)?.id).toBe(3)
    expect(cache.missingPages(0, 5)).toEqual([])
  })
})
