import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { INFOMANIAK_API } from '../../../src/main/accounts/data-dir'
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
    expect(() => registry.add('   ', 1)).toThrow(/^label: too small/i)
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

  it("keeps each account's API, Infomaniak's unless told, also for lists written before there was one", () => {
    const dir = tempDir('registry-base-url')
    const registry = new AccountRegistry(dir)
    const real = registry.add('Real', 1)
    const local = registry.add('Local', 2, { id: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', baseUrl: 'http://127.0.0.1:4010' })
    expect(real.baseUrl).toBe(INFOMANIAK_API)
    expect(registry.find(local.id)).toEqual({ id: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11', label: 'Local', baseUrl: 'http://127.0.0.1:4010', createdAt: 2 })
    expect(() => registry.add('Ftp', 3, { baseUrl: 'ftp://example.com' })).toThrow()

    const older = tempDir('registry-v1')
    writeFileSync(join(older, 'accounts.json'), JSON.stringify({ version: 1, accounts: [{ id: real.id, label: 'Old', createdAt: 0 }], active: real.id }))
    expect(new AccountRegistry(older).find(real.id)?.baseUrl).toBe(INFOMANIAK_API)
  })

  it("deletes one account's cache files, damaged copies included, and nobody else's", () => {
    const dir = tempDir('registry-delete')
    const registry = new AccountRegistry(dir)
    const gone = registry.add('Gone', 0)
    const kept = registry.add('Kept', 0)
    expect(registry.deleteCache(gone.id)).toEqual([])
    const caches = join(dir, 'caches')
    mkdirSync(caches)
    const goneFiles = ['', '-wal', '-shm'].map((suffix) => `account-${gone.id}.sqlite${suffix}`).concat(`account-${gone.id}.corrupt-20261128T061500.sqlite`)
    const keptFiles = [`account-${kept.id}.sqlite`, `account-${kept.id}.sqlite-wal`, 'demo.sqlite']
    for (const name of [...goneFiles, ...keptFiles]) writeFileSync(join(caches, name), 'data')
    expect(registry.deleteCache(gone.id).sort()).toEqual(goneFiles.map((name) => join(caches, name)).sort())
    expect(readdirSync(caches).sort()).toEqual(keptFiles.sort())
    expect(() => registry.deleteCache('../demo')).toThrow()
  })
})
