import { describe, expect, it } from 'vitest'
import { contract } from '../../../src/shared/contract'
import { accountProblems, addAccountInput, baseUrlProblem, tokenProblem } from '../../../src/renderer/src/accounts/accountForm'

const TOKEN = 'x'.repeat(24)

describe('accountProblems', () => {
  it('names each field that is wrong', () => {
    expect(accountProblems({ label: ' ', token: '', baseUrl: 'ftp://example.com' })).toEqual({
      label: 'labelRequired',
      token: 'tokenRequired',
      baseUrl: 'baseUrlInvalid',
    })
    expect(accountProblems({ label: 'a'.repeat(81), token: 'short', baseUrl: '' })).toEqual({
      label: 'labelTooLong',
      token: 'tokenTooShort',
    })
  })

  it('refuses a name already in use, whatever its case', () => {
    expect(accountProblems({ label: 'my agency', token: TOKEN, baseUrl: '' }, ['My Agency'])).toEqual({ label: 'labelTaken' })
  })

  it('accepts a complete form', () => {
    expect(accountProblems({ label: 'My agency', token: ` ${TOKEN} `, baseUrl: 'http://127.0.0.1:8787' })).toEqual({})
  })
})

describe('field checks', () => {
  it('measures the token without the spaces around it', () => {
    expect(tokenProblem(`   ${'x'.repeat(19)}   `)).toBe('tokenTooShort')
    expect(tokenProblem('x'.repeat(20))).toBeNull()
    expect(tokenProblem('x'.repeat(4097))).toBe('tokenTooLong')
  })

  it('takes only http(s) addresses with a host, and an empty one for the default', () => {
    expect(baseUrlProblem('')).toBeNull()
    expect(baseUrlProblem('https://api.infomaniak.com')).toBeNull()
    expect(baseUrlProblem('api.infomaniak.com')).toBe('baseUrlInvalid')
    expect(baseUrlProblem('javascript:alert(1)')).toBe('baseUrlInvalid')
  })

  it('names what keeps an address from carrying the token safely, as the core does', () => {
    expect(baseUrlProblem(' http://localhost:8787 ')).toBeNull()
    expect(baseUrlProblem('http://api.example.ch')).toBe('baseUrlInsecure')
    expect(baseUrlProblem('https://me:secret@api.example.ch')).toBe('baseUrlCredentials')
    expect(baseUrlProblem('https://api.example.ch/?partner=1')).toBe('baseUrlQuery')
    expect(baseUrlProblem('https://api.example.ch/#top')).toBe('baseUrlFragment')
  })
})

describe('addAccountInput', () => {
  it('builds what the contract accepts, leaving out an empty address', () => {
    const input = addAccountInput({ label: ' My agency ', token: ` ${TOKEN} `, baseUrl: ' ' }, false)
    expect(input).toEqual({ label: 'My agency', token: TOKEN, acceptUnprotected: false })
    expect(contract['accounts:add'].input.safeParse(input).success).toBe(true)
    const withUrl = addAccountInput({ label: 'A', token: TOKEN, baseUrl: 'http://127.0.0.1:8787' }, true)
    expect(withUrl).toMatchObject({ baseUrl: 'http://127.0.0.1:8787', acceptUnprotected: true })
    expect(contract['accounts:add'].input.safeParse(withUrl).success).toBe(true)
  })
})
