// An account's API address: every request to it carries the account's token,
// so only https, plain http only to this computer, and nothing else in it
// that could leak or change where the token goes.
import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountRegistry, RegistryError } from '../../../src/main/accounts/registry'
import { createDispatcher } from '../../../src/main/ipc/dispatcher'
import { ok } from '../../../src/shared/result'
import { tempDir } from '../../paths'

const TOKEN = 'x'.repeat(24)

const ACCEPTED = [
  'https://api.infomaniak.com',
  'https://api.example.ch/v1/',
  'https://api.example.ch:8443',
  'http://127.0.0.1:8787',
  'http://localhost:8787/',
  'http://[::1]:8787',
]

/** Each refused address, and the words that name its problem. */
const REFUSED: Array<[string, RegExp]> = [
  ['http://api.example.ch', /plain http:\/\/ is allowed only for this computer \(127\.0\.0\.1, localhost, \[::1\]\): use https:\/\//],
  ['http://127.0.0.2:8787', /plain http:\/\/ is allowed only for this computer/],
  ['https://user:secret@api.example.ch', /no user name or password \(user:pass@\)/],
  ['https://user@api.example.ch', /no user name or password/],
  ['https://api.example.ch/?partner=1', /no query \(\?…\)/],
  ['https://api.example.ch/?', /no query/],
  ['https://api.example.ch/#top', /no fragment \(#…\)/],
  ['ftp://api.example.ch', /a full https:\/\/ address/],
  ['api.example.ch', /a full https:\/\/ address/],
]

describe('accounts:add', () => {
  const dispatch = createDispatcher({ call: async (_channel, input) => ok(input) })
  const add = (baseUrl: string) => dispatch('accounts:add', { label: 'Office', token: TOKEN, baseUrl })

  it.each(ACCEPTED)('takes %s', async (baseUrl) => {
    expect(await add(baseUrl)).toMatchObject({ ok: true })
  })

  it.each(REFUSED)('refuses %s, naming the problem', async (baseUrl, problem) => {
    const answer = await add(baseUrl)
    expect(answer).toEqual({ ok: false, error: { code: 'invalid_input', message: expect.stringMatching(/^accounts:add: baseUrl: /) } })
    if (!answer.ok) {
      expect(answer.error.message).toMatch(problem)
      // A password typed into the address is never repeated back.
      expect(answer.error.message).not.toContain('secret')
    }
  })
})

describe('the accounts registry', () => {
  it.each(REFUSED)('adds no account for %s', (baseUrl, problem) => {
    const registry = new AccountRegistry(tempDir('registry-url'))
    expect(() => registry.add('Office', 0, { baseUrl })).toThrow(RegistryError)
    expect(() => registry.add('Office', 0, { baseUrl })).toThrow(problem)
    expect(registry.read().accounts).toEqual([])
  })

  it('says which account of the list has an address it refuses', () => {
    const dir = tempDir('registry-url-file')
    writeFileSync(
      join(dir, 'accounts.json'),
      JSON.stringify({
        version: 1,
        accounts: [{ id: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', label: 'Office', baseUrl: 'http://api.example.ch', createdAt: 0 }],
        active: null,
      }),
    )
    expect(() => new AccountRegistry(dir).read()).toThrow(/accounts\.0\.baseUrl: plain http:\/\/ is allowed only for this computer/)
  })
})
