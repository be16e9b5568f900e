// The export's files, byte for byte: one golden file per preset, the
// injection table through a whole export, the same bytes in any time zone,
// and no file left by a cancel or a failed check.
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'
import { afterAll, describe, expect, it } from 'vitest'
import { EXPORT_COLUMNS, EXPORT_PRESETS, type ExportSpec } from '../../../src/shared/billing'
import { exportSpecSchema } from '../../../src/shared/billing-schema'
import { checkInline, checkInThread, ExportCheckFailed, type ExportChecking } from '../../../src/main/core/billing/export/check'
import { ExportCancelled, runExport } from '../../../src/main/core/billing/export/run'
import { BUILT_EXPORT_CHECK, tempDir } from '../../paths'
import { openFixture, seedFixture, T0, DAY } from './fixture'

const GOLDEN = resolve('tests/fixtures/billing-export')
const BIN = resolve('bin/partner-desk.cjs')
const dirs: string[] = []
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
})

function fixtureDb(extra: Parameters<typeof seedFixture>[1] = []) {
  const dir = tempDir('billing-export')
  dirs.push(dir)
  const db = openFixture(join(dir, 'cache.sqlite'))
  seedFixture(db, extra)
  return { dir, db }
}

const spec = (overrides: Partial<ExportSpec> = {}): ExportSpec =>
  exportSpecSchema.parse({
    query: { type: 'all', from: '2024-01-01', to: '2025-12-31', clients: null },
    preset: 'rfc4180',
    columns: [...EXPORT_COLUMNS],
    split: 'one_file',
    ...overrides,
  })

const job = (s: ExportSpec, target: string, isCancelled = () => false) => ({ spec: s, target, onProgress: () => {}, isCancelled })

describe('presets', () => {
  const variants: Array<[string, Partial<ExportSpec>]> = [
    ...EXPORT_PRESETS.filter((p) => p !== 'banana').map((preset): [string, Partial<ExportSpec>] => [preset, { preset }]),
    ['excel-ch-comma', { preset: 'excel-ch', decimalMark: 'comma' }],
    [
      'banana',
      { preset: 'banana', query: { type: 'all', from: '2024-01-01', to: '2025-12-31', clients: null, currency: 'EUR' }, banana: { debit: '1100', credit: '3400', vatCode: 'V81' } },
    ],
  ]
  it.each(variants)('%s matches its golden file', async (name, overrides) => {
    const { dir, db } = fixtureDb()
    const target = join(dir, `${name}.out`)
    const result = await runExport(db, job(spec(overrides), target), () => {})
    const bytes = readFileSync(target)
    const golden = join(GOLDEN, `${name}.golden`)
    if (process.env.UPDATE_GOLDEN) writeFileSync(golden, bytes)
    expect(bytes.equals(readFileSync(golden)), `${name}: differs from ${golden}`).toBe(true)
    expect(result.sha256).toHaveLength(1)
    // Nothing else beside the target: the temporary file was renamed, not copied.
    expect(readdirSync(dir).filter((f) => f !== 'cache.sqlite' && !f.startsWith('cache.sqlite-'))).toEqual([`${name}.out`])
  })

  it('Excel presets: BOM, semicolons, dd.mm.yyyy, the locale decimal mark, CRLF; RFC 4180: no BOM, commas, ISO', async () => {
    const { dir, db } = fixtureDb()
    await runExport(db, job(spec({ preset: 'excel-de', columns: ['date', 'net', 'description'] }), join(dir, 'de.csv')), () => {})
    const de = readFileSync(join(dir, 'de.csv'))
    expect([...de.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const lines = de.toString('utf8').slice(1).split('\r\n')
    expect(lines[0]).toBe('Datum;Netto;Beschreibung')
    expect(lines[1]).toBe('01.10.2024;347,20;Renewal · Web hosting, 1 year')
    expect(de.toString('utf8')).not.toMatch(/[^\r]\n(?!second line)/)
    await runExport(db, job(spec({ columns: ['date', 'net'] }), join(dir, 'rfc.csv')), () => {})
    const rfc = readFileSync(join(dir, 'rfc.csv'), 'utf8')
    expect(rfc.charCodeAt(0)).not.toBe(0xfeff)
    expect(rfc.split('\r\n').slice(0, 2)).toEqual(['Date,Net', '2024-10-01,347.20'])
  })

  it('one file per client, named after the chosen file', async () => {
    const { dir, db } = fixtureDb()
    const result = await runExport(db, job(spec({ split: 'per_client', columns: ['client', 'net'] }), join(dir, 'history.csv')), () => {})
    expect(result.files.map((f) => f.slice(dir.length + 1))).toEqual(['history-10-Muller-Bau-AG.csv', 'history-20-Societe-Generale-de-Cafe-SA.csv'])
    expect(result.rows).toBe(6)
    expect(readFileSync(result.files[1], 'utf8').split('\r\n').filter(Boolean)).toHaveLength(4)
  })
})

describe('formula injection through a whole export', () => {
  const payloads = ['=1+1', '+cmd', '-2+3', '@SUM(A1)', '\tx', '\rx', 'x\n=1+1']
  it('guards every text cell and leaves the number -12.50 a number', async () => {
    const extra = payloads.map((description, i) => ({ client: 10, type: 'order', at: T0 + (i + 10) * DAY, description, net: -1_250 }))
    const { dir, db } = fixtureDb(extra)
    for (const preset of ['rfc4180', 'excel-ch', 'banana'] as const) {
      const target = join(dir, `${preset}.csv`)
      const s = spec({
        preset,
        columns: ['description', 'net'],
        query: { type: 'orders', from: '2025-03-20', to: '2025-12-31', clients: [10], ...(preset === 'banana' ? { currency: 'CHF' } : {}) },
      })
      await runExport(db, job(s, target), () => {})
      const text = readFileSync(target, 'utf8').replace(/^\ufeff/, '')
      const rows = Papa.parse<string[]>(text, { delimiter: preset === 'banana' ? '\t' : preset === 'rfc4180' ? ',' : ';', skipEmptyLines: true }).data.slice(1)
      const descriptions = rows.map((row) => row[preset === 'banana' ? 2 : 0])
      expect(descriptions, preset).toEqual(["'=1+1", "'+cmd", "'-2+3", "'@SUM(A1)", "'\tx", "'\rx", "x\n'=1+1"])
      const amounts = rows.map((row) => row[preset === 'banana' ? 5 : 1])
      expect(new Set(amounts), preset).toEqual(new Set([preset === 'banana' ? '-13.51' : '-12.50']))
      // No line of the file starts with a formula character, whatever reads it line by line.
      expect(text.split(/\r\n|\r|\n/).filter((line) => /^[=+@-]/.test(line)), preset).toEqual([])
    }
  })
})

describe('time zones', () => {
  it('gives the same bytes under TZ=Pacific/Auckland and TZ=UTC', () => {
    const { dir } = fixtureDb()
    const run = (tz: string) => {
      const out = join(dir, `${tz.replace('/', '-')}.csv`)
      const child = spawnSync(process.execPath, [BIN, 'export', '--db', join(dir, 'cache.sqlite'), '--type', 'all', '--from', '2024-01-01', '--to', '2025-12-31', '--preset', 'excel-ch', '--out', out], {
        env: { ...process.env, TZ: tz },
        encoding: 'utf8',
      })
      expect(child.status, child.stderr).toBe(0)
      return readFileSync(out)
    }
    const auckland = run('Pacific/Auckland')
    const utc = run('UTC')
    expect(auckland.length).toBeGreaterThan(100)
    expect(auckland.equals(utc)).toBe(true)
    // The refund at 23:00 UTC is on the 18th in UTC (the 19th in Auckland): the UTC day is written.
    expect(utc.toString('utf8')).toContain('18.03.2025;refund')
  })
})

// The check after the writing (the CLI's, the tests') and the app's, on a thread of its own that reads each part as it is written.
const CHECKS: Array<[string, ExportChecking]> = [
  ['checked after the writing', checkInline],
  ['checked on its own thread while written', checkInThread(BUILT_EXPORT_CHECK)],
]

describe.each(CHECKS)('nothing left behind, %s', (_, checking) => {
  it('a large export in many parts and files is checked and kept, the same bytes as without the thread', async () => {
    const extra = Array.from({ length: 12_000 }, (_, i) => ({ client: 10 + 10 * (i % 2), type: 'order', at: T0 + (i % 200) * DAY, description: `line "${i}";\n=${i}`, net: 100 + i }))
    const { dir, db } = fixtureDb(extra)
    const kept = await runExport(db, job(spec({ split: 'per_client' }), join(dir, 'kept.csv')), () => {}, checking)
    const plain = await runExport(db, job(spec({ split: 'per_client' }), join(dir, 'plain.csv')), () => {})
    expect(kept.rows).toBe(plain.rows)
    expect(kept.files).toHaveLength(2)
    expect(kept.sha256).toEqual(plain.sha256)
    expect(kept.files.map((file) => readFileSync(file, 'utf8'))).toEqual(plain.files.map((file) => readFileSync(file, 'utf8')))
  })

  it('a cancelled export leaves no file, not even a temporary one', async () => {
    const extra = Array.from({ length: 12_000 }, (_, i) => ({ client: 10, type: 'order', at: T0 + (i % 200) * DAY, description: `line ${i}`, net: 100 + i }))
    const { dir, db } = fixtureDb(extra)
    let chunks = 0
    const target = join(dir, 'cancelled.csv')
    const running = runExport(db, { ...job(spec(), target, () => chunks >= 2), onProgress: () => chunks++ }, () => {}, checking)
    await expect(running).rejects.toBeInstanceOf(ExportCancelled)
    expect(chunks).toBe(2)
    expect(readdirSync(dir).filter((f) => !f.startsWith('cache.sqlite'))).toEqual([])
  })

  it('a file that does not read back as written is refused and removed', async () => {
    const { dir, db } = fixtureDb()
    const target = join(dir, 'checked.csv')
    writeFileSync(target, 'the previous export')
    // The check reads the file back, not the lines: a file changed under the export (another program, a full disk) is caught.
    const corrupting = runExport(
      db,
      {
        ...job(spec({ columns: ['net', 'currency'] }), target),
        pause: async () => {
          const temporary = readdirSync(dir).find((f) => f.endsWith('.partial'))
          if (temporary) writeFileSync(join(dir, temporary), 'Net,Currency\r\n1.00,CHF\r\n')
        },
      },
      () => {},
      checking,
    )
    await expect(corrupting).rejects.toBeInstanceOf(ExportCheckFailed)
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial'))).toEqual([])
    // The file already there is left as it was.
    expect(readFileSync(target, 'utf8')).toBe('the previous export')
  })

  it('a file with one letter changed under the export is refused, its rows and totals intact', async () => {
    const { dir, db } = fixtureDb()
    const target = join(dir, 'letter.csv')
    let changed = false
    const changing = runExport(
      db,
      {
        ...job(spec({ columns: ['description', 'net', 'currency'] }), target),
        pause: async () => {
          const temporary = readdirSync(dir).find((f) => f.endsWith('.partial'))
          if (!temporary) return
          const text = readFileSync(join(dir, temporary), 'utf8')
          const edited = text.replace('Renewal', 'Renewam')
          if (edited !== text) changed = true
          writeFileSync(join(dir, temporary), edited)
        },
      },
      () => {},
      checking,
    )
    await expect(changing).rejects.toBeInstanceOf(ExportCheckFailed)
    expect(changed).toBe(true)
    expect(readdirSync(dir).filter((f) => f.endsWith('.partial') || f === 'letter.csv')).toEqual([])
  })
})
