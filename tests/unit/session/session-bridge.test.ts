// The session bridge over plain HTTP, as the browser tests' page speaks to it:
// an account added through it syncs from the local API server.
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { AccountSummary } from '../../../src/shared/contract'
import type { Result } from '../../../src/shared/result'
import { startSessionBridge, type Bridge } from '../../e2e/bridge/server'
import { startApiServer, type ApiServer } from '../../fixtures/api-server'
import { tempDir } from '../../paths'
import { CANARY, NOW } from './harness'

let server: ApiServer
let bridge: Bridge
beforeEach(async () => {
  server = await startApiServer({ size: 'small', now: NOW, rateLimit: false, token: CANARY })
  bridge = await startSessionBridge({ dataDir: tempDir('session-bridge'), now: NOW })
})
afterEach(async () => {
  await bridge.close()
  await server.close()
})

async function invoke(channel: string, input: unknown, secret = bridge.secret): Promise<Result<unknown>> {
  const response = await fetch(new URL('/__bridge/invoke', bridge.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-bridge-secret': secret },
    body: JSON.stringify({ channel, input }),
  })
  if (response.status !== 200) return { ok: false, error: { code: 'forbidden', message: String(response.status) } }
  return (await response.json()) as Result<unknown>
}

/**
 * Opens the event stream; once this resolves the bridge has registered it (it
 * sends its headers after). `until` reads to the first `event`, then closes the
 * stream, giving the names seen on the way.
 */
async function openEvents() {
  const response = await fetch(new URL(`/__bridge/events?secret=${bridge.secret}`, bridge.url))
  return {
    async until(event: string): Promise<{ names: string[]; payload: unknown }> {
      const names: string[] = []
      const reader = response.body!.getReader()
      const decoder = new TextDecoder()
      let buffer = ''
      try {
        for (;;) {
          const { done, value } = await reader.read()
          if (done) throw new Error(`the stream ended before ${event}`)
          buffer += decoder.decode(value, { stream: true })
          let end: number
          while ((end = buffer.indexOf('\n\n')) !== -1) {
            const frame = buffer.slice(0, end)
            buffer = buffer.slice(end + 2)
            if (!frame.startsWith('data: ')) continue
            const message = JSON.parse(frame.slice('data: '.length)) as { event: string; payload: unknown }
            names.push(message.event)
            if (message.event === event) return { names, payload: message.payload }
          }
        }
      } finally {
        await reader.cancel()
      }
    },
  }
}

describe('startSessionBridge', () => {
  it('adds an account on the local API server, relays its sync and account events, and keeps the secret', async () => {
    expect(await invoke('accounts:list', {})).toEqual({ ok: true, value: { active: null, accounts: [], protection: 'os_keystore' } })
    expect(await invoke('accounts:list', {}, 'wrong-secret')).toMatchObject({ ok: false, error: { code: 'forbidden', message: '403' } })

    const events = await openEvents()
    const finished = events.until('sync:finished')
    const added = (await invoke('accounts:add', { label: 'Local', token: CANARY, baseUrl: server.url })) as Result<AccountSummary>
    expect(added).toMatchObject({ ok: true, value: { label: 'Local', baseUrl: server.url, hasToken: true } })
    const { names, payload } = await finished
    expect(payload).toMatchObject({ ok: true, summary: { mode: 'full' } })
    expect(names).toEqual(expect.arrayContaining(['accounts:changed', 'sync:progress']))
    expect(await bridge.dispatch('clients:list', {})).toMatchObject({ ok: true, value: { total: 200 } })
    expect(await invoke('accounts:switch', { accountId: null })).toMatchObject({ ok: true, value: { state: 'ready' } })
  })
})
