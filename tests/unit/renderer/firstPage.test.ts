import { beforeEach, describe, expect, it, vi } from 'vitest'
import type { ApiClient } from '../../../src/renderer/src/api/bridge'
import type { Input } from '../../../src/shared/contract'

type FirstPage = typeof import('../../../src/renderer/src/screens/clients/firstPage')

let firstPage: FirstPage
const asked: Array<Input<'clients:list'>> = []
const api = {
  call: (channel: string, input: Input<'clients:list'>) => {
    asked.push(input)
    return Promise.resolve({ ok: true, value: { rows: [], total: 0, channel } })
  },
  subscribe: () => () => undefined,
} as unknown as ApiClient

const firstOf = (view: { query: string; sort: string; direction: string; filters: object }): Input<'clients:list'> =>
  ({ query: view.query, filters: view.filters, sort: view.sort, direction: view.direction, offset: 0, limit: 200 }) as Input<'clients:list'>

beforeEach(async () => {
  asked.length = 0
  vi.resetModules()
  firstPage = await import('../../../src/renderer/src/screens/clients/firstPage')
})

describe('the first page asked early', () => {
  it("asks the route's view; a first request for another page empties the slot", async () => {
    vi.stubGlobal('window', { location: { hash: '#/clients?q=acme&sort=billing12m&dir=desc&status=active' } })
    firstPage.askFirstPageEarly(api)
    expect(asked).toHaveLength(1)
    const request = asked[0]!
    expect(request).toMatchObject({ query: 'acme', sort: 'billing12m', direction: 'desc', filters: { status: ['active'] }, offset: 0 })
    expect(firstPage.takeEarlyPage({ ...request, offset: 200 })).toBeNull()
    // The slot empties at the first request: the matching one, asked later, reads afresh.
    expect(firstPage.takeEarlyPage(request)).toBeNull()
  })

  it('asks the default view when another screen is shown (the clients screen stays mounted)', async () => {
    vi.stubGlobal('window', { location: { hash: '#/settings' } })
    firstPage.askFirstPageEarly(api)
    const request = firstOf({ query: '', sort: 'name', direction: 'asc', filters: {} })
    expect(asked).toEqual([request])
    await expect(firstPage.takeEarlyPage(request)).resolves.toMatchObject({ ok: true })
    expect(firstPage.takeEarlyPage(request)).toBeNull()
  })

  it('gives nothing once the cache proved unusable', () => {
    vi.stubGlobal('window', { location: { hash: '' } })
    firstPage.askFirstPageEarly(api)
    firstPage.forgetEarlyPage()
    expect(firstPage.takeEarlyPage(asked[0]!)).toBeNull()
  })
})
