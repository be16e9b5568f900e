import { describe, expect, it } from 'vitest'
import type { ApiClient } from '../../../src/renderer/src/api/bridge'
import { recordShown } from '../../../src/renderer/src/screens/renewals/recordShown'
import { contract } from '../../../src/shared/contract'

/** An api whose `renewals:shown` checks its input against the contract, as the bridge does, and answers `failAt` with a refusal. */
function fakeApi(failAt = Number.POSITIVE_INFINITY) {
  const parts: string[][] = []
  const api = {
    call: (channel: string, input: { keys: string[] }) => {
      expect(channel).toBe('renewals:shown')
      if (!contract['renewals:shown'].input.safeParse(input).success) return Promise.resolve({ ok: false, error: { code: 'invalid_input', message: 'refused' } })
      parts.push(input.keys)
      if (parts.length === failAt) return Promise.resolve({ ok: false, error: { code: 'cache_unavailable', message: 'closed' } })
      return Promise.resolve({ ok: true, value: { recorded: input.keys.length } })
    },
  } as unknown as ApiClient
  return { api, parts }
}

const keys = (n: number) => Array.from({ length: n }, (_, i) => `renewal:${i + 1}:1800000000:30`)

describe('recording reminders as shown', () => {
  it('records a burst of thousands, every key once, in parts the contract accepts', async () => {
    const { api, parts } = fakeApi()
    await recordShown(api, keys(1_234))
    expect(parts.length).toBeGreaterThan(1)
    expect(parts.flat()).toEqual(keys(1_234))
  })

  it('stops at a refused part: what is not recorded is due again at the next check', async () => {
    const { api, parts } = fakeApi(1)
    await recordShown(api, keys(1_234))
    expect(parts).toHaveLength(1)
  })
})
