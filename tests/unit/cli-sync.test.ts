// `partner-desk sync` as a user runs it (a child process on the built bundle)
// against both profiles of the local API server, a full then an incremental
// sync, with the cache then read through `partner-desk info --json`.
import { execFile } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import { afterEach, describe, expect, it } from 'vitest'
import type { CacheInfo } from '../../src/shared/contract'
import { type ApiServer, type RemoteState, SERVER_PROFILES, startApiServer } from '../fixtures/api-server'
import { tempDir } from '../paths'
import { cachePathOf } from './crash/cache-state'
import { runSync, type SyncArgs } from './crash/cli-run'
import { billingWindowOf, expectedCounts } from './crash/server-view'

const BIN = resolve('bin/partner-desk.cjs')
const ACCOUNT = 'CLI Partner'

async function info(db: string): Promise<CacheInfo['counts']> {
  const { stdout } = await promisify(execFile)(process.execPath, [BIN, 'info', '--db', db, '--json'])
  return (JSON.parse(stdout) as CacheInfo).counts
}

const activeOf = (state: RemoteState) => state.allPartnerships().filter((p) => p.state.status === 'active')

let server: ApiServer | undefined
afterEach(async () => {
  await server?.close()
  server = undefined
})

describe.each(SERVER_PROFILES)('partner-desk sync against the %s profile', (profile) => {
  it('fills the account’s cache with a full sync, then keeps it with an incremental one', { timeout: 90_000 }, async () => {
    // The server's clock is the current time, as the CLI's is.
    server = await startApiServer({ profile, size: 'small', rateLimit: false })
    const { state } = server
    const args: SyncArgs = { account: ACCOUNT, dataDir: tempDir(`cli-sync-${profile}`), baseUrl: server.url, token: server.token, full: true }

    const full = await runSync(args)
    expect(full.code, full.errors).toBe(0)
    expect(full.stdout).toContain(`synced "${ACCOUNT}" (full)`)
    const db = cachePathOf(args.dataDir, ACCOUNT) ?? expect.fail('the sync registered no account')
    const counts = await info(db)
    const window = billingWindowOf(server.requests)
    if (profile === 'partner') {
      const expected = expectedCounts(state, window ?? expect.fail('the partner profile’s history was never read'))
      expect(counts).toMatchObject({
        clients: state.allPartnerships().length,
        partnerships: expected.partnerships,
        products: expected.products,
        billingLines: expected.billing_lines,
        invoices: expected.invoices,
        tenders: expected.tenders,
      })
    } else {
      expect(window).toBeNull()
      expect(counts).toMatchObject({
        clients: activeOf(state).length,
        partnerships: activeOf(state).length,
        products: state.visibleProducts().length,
        billingLines: 0,
        invoices: 0,
        tenders: 0,
      })
    }
    expect(counts.tags).toBeGreaterThan(0)

    const payer = activeOf(state).find((p) => p.access.type === 'complete' && p.access.paymentMode === 'customer') ?? expect.fail('no client that pays')
    state.setPaymentMode(payer.id, 'partner')
    const first = server.requests.length
    const incremental = await runSync({ ...args, full: false })
    expect(incremental.code, incremental.errors).toBe(0)
    expect(incremental.stdout).toContain(`synced "${ACCOUNT}" (incremental)`)
    expect(incremental.stdout).toMatch(/partnership changes detected: 1\n/)
    expect(await info(db)).toEqual(counts)
    // The partner endpoints said "not offered" minutes ago: an incremental sync does not ask them again the same day.
    if (profile === 'public') expect(server.requests.slice(first).filter((request) => request.path.startsWith('/1/partners/'))).toEqual([])
  })
})
