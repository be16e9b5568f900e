import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { z } from 'zod'
import type { PageReader, RemoteClient } from '../../../src/main/core/remote/http/client'
import { unixSeconds } from '../../../src/main/core/remote/http/convert'
import { type Page, PageChecker, type PageMeta } from '../../../src/main/core/remote/http/paging'
import type { Checked } from '../../../src/main/core/remote/http/validate'
import { harness, remoteError, TOKEN } from './helpers'
import { type Handler, reply, startServer, success, type TestServer } from './server'

let server: TestServer
beforeAll(async () => {
  server = await startServer()
})
afterAll(() => server.close())

const products = { path: '/1/products' } as const
const product = z.object({ id: z.number(), expired_at: unixSeconds })
type Product = z.output<typeof product>
const PRODUCTS: Product[] = [1, 2, 3, 4, 5].map((id) => ({ id, expired_at: 1_767_225_600 + id }))

interface Envelope {
  result: 'success'
  data: unknown[]
  total: number
  page: number
  pages: number
  items_per_page: number
}

/** Pages `items` as the API does; `tamper` may spoil one page's answer. */
function pagedList(items: readonly unknown[], { cap = Infinity, tamper = (e: Envelope) => e as object } = {}): Handler {
  return (hit, response) => {
    const page = Number(hit.url.searchParams.get('page'))
    const perPage = Math.min(Number(hit.url.searchParams.get('per_page')), cap)
    const envelope: Envelope = {
      result: 'success',
      data: items.slice((page - 1) * perPage, page * perPage),
      total: items.length,
      page,
      pages: Math.ceil(items.length / perPage),
      items_per_page: perPage,
    }
    reply(response, 200, tamper(envelope))
  }
}

async function collect<T>(pages: AsyncIterable<Page<T>>): Promise<Page<T>[]> {
  const all: Page<T>[] = []
  for await (const page of pages) all.push(page)
  return all
}

function listProducts(api: RemoteClient, perPage = 2) {
  return collect(api.paged(products, { query: { account_id: 7 }, itemSchema: product, perPage }))
}

describe('paged', () => {
  it('requests pages 1..pages with per_page and yields every item once', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    const pages = await listProducts(api)
    expect(pages.map(({ page, pages, total, items }) => [page, pages, total, items.map((p) => p.id)])).toEqual([
      [1, 3, 5, [1, 2]],
      [2, 3, 5, [3, 4]],
      [3, 3, 5, [5]],
    ])
    expect(server.hits.map((hit) => hit.url.search)).toEqual([
      '?account_id=7&page=1&per_page=2',
      '?account_id=7&page=2&per_page=2',
      '?account_id=7&page=3&per_page=2',
    ])
  })

  it('follows the server when it pages by fewer than asked', async () => {
    server.answer(pagedList(PRODUCTS, { cap: 2 }))
    const { api } = harness(server.url)
    const pages = await listProducts(api, 100)
    expect(pages.map((p) => p.items.length)).toEqual([2, 2, 1])
  })

  it('takes an answer without paging fields for the whole list (the document requires none of them)', async () => {
    server.answer((_hit, response) => reply(response, 200, { result: 'success', data: PRODUCTS }))
    const { api } = harness(server.url)
    expect((await listProducts(api)).map(({ page, pages, total, items }) => [page, pages, total, items.length])).toEqual([[1, 1, 5, 5]])
    expect(server.hits).toHaveLength(1)
  })

  it('yields one empty page for an empty list', async () => {
    for (const pagesWhenEmpty of [0, 1]) {
      server.answer(pagedList([], { tamper: (e) => ({ ...e, pages: pagesWhenEmpty }) }))
      const { api } = harness(server.url)
      expect(await listProducts(api)).toEqual([{ items: [], page: 1, pages: pagesWhenEmpty, total: 0 }])
      expect(server.hits).toHaveLength(1)
    }
  })

  it('stops requesting when the loop stops', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    for await (const page of api.paged(products, { itemSchema: product, perPage: 2 })) {
      expect(page.page).toBe(1)
      break
    }
    expect(server.hits).toHaveLength(1)
  })

  it('retries a page like any call, naming the page when it gives up', async () => {
    const list = pagedList(PRODUCTS)
    server.answer((hit, response, index) => (index === 1 ? reply(response, 500, '') : list(hit, response, index)))
    const { api } = harness(server.url)
    expect((await listProducts(api)).flatMap((p) => p.items)).toHaveLength(5)

    server.answer((hit, response, index) => (index >= 1 ? reply(response, 500, '') : list(hit, response, index)))
    const failing = harness(server.url, { retry: { maxAttempts: 2 } })
    const error = await remoteError(listProducts(failing.api))
    expect(error.message).toBe('GET /1/products page 2: server error (HTTP 500) after 2 attempts')
  })

  it('stops at the signal between pages', async () => {
    server.answer(pagedList(PRODUCTS))
    const controller = new AbortController()
    const { api } = harness(server.url)
    const error = await remoteError(
      (async () => {
        for await (const _ of api.paged(products, { itemSchema: product, perPage: 2, signal: controller.signal })) controller.abort()
      })(),
    )
    expect(error.failure.kind).toBe('cancelled')
    expect(error.request.page).toBe(2)
    expect(server.hits).toHaveLength(1)
  })

  it('reads ahead as asked, and asks for no more once the loop stops', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    for await (const page of api.paged(products, { itemSchema: product, perPage: 1, readAhead: 2 })) {
      expect(page.page).toBe(1)
      await vi.waitFor(() => expect(server.hits).toHaveLength(3))
      break
    }
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(server.hits.map((hit) => hit.url.searchParams.get('page')).sort()).toEqual(['1', '2', '3'])
  })
})

describe('readPages', () => {
  /** A reader as the billing history's thread is one: it parses the body, and keeps what it read. */
  function keepingReader(fail?: (page: number) => Checked<PageMeta> | Error | undefined) {
    const read: Array<{ page: number; ids: number[] }> = []
    const reader: PageReader = async (page, body) => {
      const failure = fail?.(page)
      if (failure instanceof Error) throw failure
      if (failure !== undefined) return failure
      const envelope = JSON.parse(body) as Envelope
      read.push({ page, ids: envelope.data.map((item) => (item as Product).id) })
      return { ok: true, value: { page: envelope.page, pages: envelope.pages, total: envelope.total } }
    }
    return { reader, read }
  }
  const readAll = async (api: RemoteClient, reader: PageReader) => {
    const metas: PageMeta[] = []
    for await (const meta of api.readPages(products, { reader, perPage: 2 })) metas.push(meta)
    return metas
  }

  it('hands each page’s answer to the reader, and follows the pages it reports', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    const { reader, read } = keepingReader()
    expect(await readAll(api, reader)).toEqual([1, 2, 3].map((page) => ({ page, pages: 3, total: 5 })))
    expect(read).toEqual([
      { page: 1, ids: [1, 2] },
      { page: 2, ids: [3, 4] },
      { page: 3, ids: [5] },
    ])
  })

  it('reads a refusal itself and retries it as any call: the reader sees only successful answers', async () => {
    const list = pagedList(PRODUCTS)
    server.answer((hit, response, index) => (index === 1 ? reply(response, 503, '') : list(hit, response, index)))
    const { api, retries } = harness(server.url)
    const { reader, read } = keepingReader()
    await readAll(api, reader)
    expect(read.map((entry) => entry.page)).toEqual([1, 2, 3])
    expect(retries.map((retry) => [retry.request.page, retry.failure.kind])).toEqual([[2, 'server']])
  })

  it('fails with the reader’s failure, naming the page, with the token scrubbed from what it quotes', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    const { reader } = keepingReader((page) =>
      page === 2 ? { ok: false, failure: { kind: 'malformed', path: 'data[1].date', problem: `expected seconds, received "${TOKEN}"` } } : undefined,
    )
    const error = await remoteError(readAll(api, reader))
    expect(error.failure).toEqual({ kind: 'malformed', path: 'data[1].date', problem: 'expected seconds, received "[token]"' })
    expect(error.message).toContain('GET /1/products page 2')
    expect(error.message).not.toContain(TOKEN)
  })

  it('fails with the reader’s own error when it could not read at all', async () => {
    server.answer(pagedList(PRODUCTS))
    const { api } = harness(server.url)
    const { reader } = keepingReader((page) => (page === 1 ? new Error('the reading thread ended') : undefined))
    await expect(readAll(api, reader)).rejects.toThrow('the reading thread ended')
  })
})

describe('paged answers that cannot be trusted', () => {
  const onPage = (page: number, spoil: (e: Envelope) => object) => (e: Envelope) => (e.page === page ? spoil(e) : e)

  const cases: [what: string, tamper: (e: Envelope) => object, message: string][] = [
    [
      'a truncated page',
      onPage(2, (e) => ({ ...e, data: e.data.slice(0, 1) })),
      'GET /1/products page 2: data: expected 2 items (page 2 of 3, 5 in all), received 1',
    ],
    [
      'a short last page',
      onPage(3, (e) => ({ ...e, data: [] })),
      'GET /1/products page 3: data: expected 1 items (page 3 of 3, 5 in all), received 0',
    ],
    [
      'an id seen on an earlier page',
      onPage(2, (e) => ({ ...e, data: [PRODUCTS[3], PRODUCTS[0]] })),
      'GET /1/products page 2: data[1].id: id 1 already came on page 1',
    ],
    [
      'a total that moves',
      onPage(2, (e) => ({ ...e, total: 6 })),
      'GET /1/products page 2: total: changed from 5 on page 1 to 6: the list changed while it was read',
    ],
    [
      'a page count that cannot hold the total',
      onPage(1, (e) => ({ ...e, pages: 2 })),
      'GET /1/products page 1: pages: 2 pages cannot hold 5 items at 2 per page',
    ],
    ['another page than asked', onPage(2, (e) => ({ ...e, page: 1 })), 'GET /1/products page 2: page: expected page 2, received page 1'],
    [
      'an item that fails its schema',
      onPage(2, (e) => ({ ...e, data: [PRODUCTS[2], { id: 4, expired_at: '2026-01-01' }] })),
      'GET /1/products page 2: data[1].expired_at: expected number, received string',
    ],
    [
      'a paging field missing beside the others',
      onPage(1, ({ total: _, ...rest }) => rest),
      'GET /1/products page 1: total: missing while the other paging fields are there',
    ],
  ]
  it.each(cases)('%s is malformed, naming the endpoint and page', async (_what, tamper, message) => {
    server.answer(pagedList(PRODUCTS, { tamper }))
    const { api } = harness(server.url)
    const error = await remoteError(listProducts(api))
    expect(error.failure.kind).toBe('malformed')
    expect(error.message).toBe(message)
  })
})

describe('PageChecker without ids', () => {
  it('leaves repeated ids to the caller’s store, and still checks counts and totals', () => {
    const page = (n: number, ids: number[], total = 4) => ({ data: ids.map((id) => ({ id })), total, page: n, pages: 2, items_per_page: 2 })
    const checker = new PageChecker({ trackIds: false })
    expect(checker.check(1, page(1, [1, 2]))).toBeNull()
    expect(checker.check(2, page(2, [2, 2]))).toBeNull()
    expect(new PageChecker().check(1, page(1, [1, 1]))).toEqual({ path: 'data[1].id', problem: 'id 1 already came on page 1' })
    expect(checker.check(2, page(2, [3]))).toMatchObject({ path: 'data' })
    expect(checker.check(2, page(2, [3, 4], 5))).toMatchObject({ path: 'total' })
  })
})

describe('total', () => {
  it('sends return=total with the query and reads data as the count', async () => {
    server.answer((_hit, response) => reply(response, 200, success(1234)))
    const { api } = harness(server.url)
    expect(await api.total(products, { query: { account_id: 7 } })).toBe(1234)
    expect(server.hits[0].url.search).toBe('?account_id=7&return=total')
  })

  it('refuses a count that is not a non-negative integer', async () => {
    const { api } = harness(server.url)
    for (const data of [-1, 2.5, '12', { total: 12 }]) {
      server.answer((_hit, response) => reply(response, 200, success(data)))
      const error = await remoteError(api.total(products))
      expect(error.failure).toMatchObject({ kind: 'malformed', path: 'data' })
    }
  })
})

describe('paging parameters belong to the iterator', () => {
  it('does not type-check page, per_page or return in the query', () => {
    const { api } = harness(server.url)
    const unstarted = [
      // @ts-expect-error the iterator sets page
      api.paged(products, { query: { page: 2 }, itemSchema: product }),
      // @ts-expect-error the iterator sets per_page
      api.paged(products, { query: { per_page: 2 }, itemSchema: product }),
    ]
    expect(unstarted).toHaveLength(2)
    // @ts-expect-error the probe sets return
    const probe = () => api.total(products, { query: { return: 'all' } })
    expect(probe).toBeTypeOf('function')
  })
})
