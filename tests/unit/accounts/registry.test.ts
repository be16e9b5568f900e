import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AccountRegistry, RegistryError } from '../../../src/main/accounts/registry'
import { tempDir } from '../../paths'

describe('AccountRegistry', () => {
  it('starts on the demo, adds accounts with a cache file each, and switches', () => {
    const dir = tempDir('registry')
    const registry = new AccountRegistry(dir)
    expect(registry.read()).toEqual({ version: 1, accounts: [], active: null })
    expect(registry.cachePath(null)).toBe(join(dir, 'caches', 'demo.sqlite'))

    const office = registry.add('  Helvetic Web ', 1_795_000_000)
    const second = registry.add('Second org', 1_795_000_001)
    expect(office.label).toBe('Helvetic Web')
    expect(registry.cachePath(office.id)).not.toBe(registry.cachePath(second.id))
    registry.setActive(second.id)
    expect(new AccountRegistry(dir).read().active).toBe(second.id)
    expect(registry.findByLabel('helvetic web')?.id).toBe(office.id)
  })

  it('refuses duplicates, blank labels and unknown accounts, changing nothing', () => {
    const registry = new AccountRegistry(tempDir('registry-bad'))
    registry.add('Office', 0)
    const before = registry.read()
    expect(() => registry.add('office', 1)).toThrow(RegistryError)
    expect(() => registry.add('   ', 1)).toThrow(/too_small|at least/i)
    expect(() => registry.setActive('8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11')).toThrow(/no account/)
    expect(registry.read()).toEqual(before)
  })

  it('says where a damaged list is wrong and leaves the file alone', () => {
    const dir = tempDir('registry-damaged')
    const path = join(dir, 'accounts.json')
    writeFileSync(path, JSON.stringify({ version: 1, accounts: [{ id: 'nope', label: 'x', createdAt: 0 }], active: null }))
    expect(() => new AccountRegistry(dir).read()).toThrow(/accounts\.0\.id/)
    writeFileSync(path, '{"version": 1, "accounts": [')
    expect(() => new AccountRegistry(dir).read()).toThrow(/not valid JSON/)
    expect(readFileSync(path, 'utf8')).toBe('{"version": 1, "accounts": [')
  })
})
