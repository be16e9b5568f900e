// `partner-desk export` as a script runs it: usage errors name the option and
// exit 2 with nothing written; a good run prints each file with its SHA-256.
import { spawnSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { readdirSync, readFileSync, rmSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { tempDir } from '../../paths'
import { openFixture, seedFixture } from './fixture'

const BIN = resolve('bin/partner-desk.cjs')
const dir = tempDir('cli-export')
const db = join(dir, 'cache.sqlite')
const fixture = openFixture(db)
seedFixture(fixture)
fixture.close()
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const run = (...args: string[]) => spawnSync(process.execPath, [BIN, 'export', ...args], { encoding: 'utf8' })
const base = ['--db', db, '--type', 'all', '--from', '2024-01-01', '--to', '2025-12-31', '--preset', 'rfc4180']

describe('partner-desk export', () => {
  it.each([
    [['--from', '2024-02-30'], '--from: expected a calendar day'],
    [['--preset', 'excel-xx'], '--preset:'],
    [['--type', 'everything'], '--type:'],
    [['--clients', '10,abc'], '--clients:'],
    [['--preset', 'banana'], 'a Banana file holds one currency'],
    [['--columns', 'date,date'], '--columns: a column is chosen twice'],
    [['--from', '2025-12-31', '--to', '2025-01-01'], 'the period starts after it ends'],
  ])('refuses %j: exit 2, says which option, writes nothing', (change, message) => {
    const args = [...base]
    for (let i = 0; i < change.length; i += 2) {
      const at = args.indexOf(change[i])
      if (at >= 0) args[at + 1] = change[i + 1]
      else args.push(change[i], change[i + 1])
    }
    const child = run(...args, '--out', join(dir, 'refused.csv'))
    expect(child.status, child.stderr).toBe(2)
    expect(child.stderr).toContain(message)
    expect(readdirSync(dir).filter((f) => f.startsWith('refused'))).toEqual([])
  })

  it('needs one of --account and --db, and --out', () => {
    expect(run('--type', 'all').status).toBe(2)
    expect(run(...base).stderr).toContain('--out FILE is required')
    expect(run(...base, '--account', 'x', '--out', join(dir, 'x.csv')).stderr).toContain('either --account NAME or --db PATH')
  })

  it('writes one file per client and prints each with its SHA-256', () => {
    const child = run(...base, '--per-client', '--clients', '20', '--out', join(dir, 'monthly.csv'))
    expect(child.status, child.stderr).toBe(0)
    const file = join(dir, 'monthly-20-Societe-Generale-de-Cafe-SA.csv')
    expect(child.stdout).toContain(`${file}  sha256 ${createHash('sha256').update(readFileSync(file)).digest('hex')}`)
    expect(child.stdout).toContain('rows: 3')
    expect(child.stdout).toContain('EUR: 3 lines, net 131.50')
  })
})
