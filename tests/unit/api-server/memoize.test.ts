import { describe, expect, it } from 'vitest'
import { pathOf } from '../../../src/main/core/remote/endpoints'
import { call, PARTNER, useServers } from './helpers'

// memoizeReads (the benchmark's server): the same GET answered from memory
// until a request of another method may have changed what it says.

const start = useServers()

describe('memoizeReads', () => {
  it('answers a repeated GET with the text it sent, and renders again after a mutation', async () => {
    const server = await start({ memoizeReads: true })
    const tags = pathOf('tags', { account_id: server.state.partnerId })
    const first = await call(server, 'GET', tags)
    // A change behind the API's back (tests only): a memoized answer does not see it...
    server.state.createTag(server.state.partnerId, 'Behind the back', 1)
    const again = await call(server, 'GET', tags)
    expect(again.text).toBe(first.text)
    // ...until any request of another method comes.
    const created = await call(server, 'POST', pathOf('tagCreate', { account_id: server.state.partnerId }), { body: { name: 'Through the API', color: 2 } })
    expect(created.status).toBe(201)
    const after = (await call(server, 'GET', tags)).text
    expect(after).toContain('Behind the back')
    expect(after).toContain('Through the API')
  })

  it('keys answers by the whole URL, and is off unless asked', async () => {
    const memoizing = await start({ memoizeReads: true })
    const page = (server: typeof memoizing, n: number) => call(server, 'GET', `${PARTNER}/billing_history`, { query: { page: n, per_page: 5, from: 0, to: 2_000_000_000 } })
    expect((await page(memoizing, 1)).text).not.toBe((await page(memoizing, 2)).text)
    const plain = await start()
    const tags = pathOf('tags', { account_id: plain.state.partnerId })
    await call(plain, 'GET', tags)
    plain.state.createTag(plain.state.partnerId, 'Seen at once', 1)
    expect((await call(plain, 'GET', tags)).text).toContain('Seen at once')
  })
})
