// kill -9 during `partner-desk import`: the whole file is read and written
// inside one transaction, so a kill at any point of it leaves the cache as it
// was before the run (and whole); a run left to finish then imports it all.
import { spawn } from 'node:child_process'
import { createWriteStream } from 'node:fs'
import { join, resolve } from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { tempDir } from '../../paths'
import { importCache, snapshot } from '../billing-import/cache'

const BIN = resolve('bin/partner-desk.cjs')
const ROWS = 300_000
const KILLS = 3
/** The CLI's progress line: `\rimporting 42 %`. */
const PROGRESS = /importing (\d+) %/g

async function bigExport(path: string): Promise<void> {
  const out = createWriteStream(path)
  out.write('Datum;Rechnungsnummer;Kunde;Typ;Beschreibung;Betrag exkl. MWST;MWST-Satz;Währung\n')
  const clients = ['Alpenblick AG', 'Boulangerie Dupont Sàrl', 'Ristorante Bellavista', 'Neu GmbH']
  for (let i = 0; i < ROWS; i++) {
    const day = String((i % 28) + 1).padStart(2, '0')
    const line = `${day}.${String((i % 12) + 1).padStart(2, '0')}.2024;R-${i};${clients[i % 4]};Bestellung;Zeile ${i};${(i % 997) + 1}.${String(i % 100).padStart(2, '0')};8.1;CHF\n`
    if (!out.write(line)) await new Promise<void>((resolveDrain) => out.once('drain', () => resolveDrain()))
  }
  await new Promise<void>((resolveEnd) => out.end(resolveEnd))
}

/** Runs the import; kills it once its progress is between 10 and 90 % (the transaction open, rows written). */
function runImport(db: string, file: string, kill: boolean): Promise<{ killed: boolean; code: number | null; stdout: string; percent: number }> {
  const child = spawn(process.execPath, [BIN, 'import', '--db', db, file], { stdio: ['ignore', 'pipe', 'pipe'] })
  let stdout = ''
  let percent = -1
  let killed = false
  child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text))
  child.stderr.setEncoding('utf8').on('data', (text: string) => {
    for (const match of text.matchAll(PROGRESS)) percent = Number(match[1])
    if (kill && !killed && percent >= 10 && percent <= 90) {
      killed = child.kill('SIGKILL')
    }
  })
  return new Promise((resolveRun) => child.on('exit', (code) => resolveRun({ killed, code, stdout, percent })))
}

describe('kill -9 during an import', () => {
  it('leaves the cache as it was, every time; the next run imports the whole file', { timeout: 240_000 }, async () => {
    const dir = tempDir('crash-import')
    const file = join(dir, 'export.csv')
    await bigExport(file)
    const { db, path } = importCache(join(dir, 'cache.sqlite'))
    const before = snapshot(db)
    db.close()

    let kills = 0
    for (let attempt = 0; attempt < KILLS; attempt++) {
      const run = await runImport(path, file, true)
      expect(run.killed, `attempt ${attempt}: the import ended (code ${run.code}) before it could be killed mid-way`).toBe(true)
      kills++
      const after = new Database(path)
      try {
        expect(after.pragma('integrity_check', { simple: true })).toBe('ok')
        expect(snapshot(after)).toEqual(before)
      } finally {
        after.close()
      }
    }
    expect(kills).toBe(KILLS)

    const finished = await runImport(path, file, false)
    expect(finished.code).toBe(0)
    expect(finished.stdout).toMatch(new RegExp(`^added:\\s+${(ROWS * 3) / 4}$`, 'm'))
    expect(finished.stdout).toMatch(new RegExp(`^client not in the cache \\(kept\\): ${ROWS / 4}$`, 'm'))
    // The indexes it built after its rows (a file larger than the history) are billing_lines' own again.
    const done = new Database(path, { readonly: true })
    try {
      expect((snapshot(done) as unknown[]).at(-1)).toEqual((before as unknown[]).at(-1))
      expect(done.pragma('integrity_check', { simple: true })).toBe('ok')
    } finally {
      done.close()
    }
  })
})
