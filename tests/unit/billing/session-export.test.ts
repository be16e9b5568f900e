// An export as the app runs it: the save dialog's path kept in the main
// process behind a handle, progress and the end as events, the record listed,
// show in folder and re-export; cancel leaves nothing.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import type { ExportSpec } from '../../../src/shared/billing'
import type { FilesPort } from '../../../src/main/session/export-files'
import { tempDir } from '../../paths'
import { closeSessions, startSession } from '../session/harness'

afterEach(closeSessions)

function fakeFiles(dir: string) {
  const shown: string[] = []
  let answer: string | null = join(dir, 'billing.csv')
  const port: FilesPort = {
    chooseToSave: async () => answer,
    showInFolder: (path) => shown.push(path),
  }
  return { port, shown, answerWith: (path: string | null) => (answer = path) }
}

const SPEC: ExportSpec = {
  query: { type: 'all', from: '2023-01-01', to: '2026-12-31', clients: null },
  preset: 'excel-ch',
  columns: ['date', 'client', 'clientId', 'description', 'net', 'vat', 'currency'],
  split: 'one_file',
}

describe('exports through the app session', () => {
  it('writes the chosen file, records it, shows it in its folder and exports it again', async () => {
    const out = tempDir('session-export')
    const files = fakeFiles(out)
    const h = startSession({ demoOnFirstOpen: 'small', files: files.port })
    const chosen = await h.value('files:chooseToSave', { suggestedName: 'billing.csv', extension: 'csv' })
    expect(chosen).toMatchObject({ fileName: 'billing.csv' })
    // A path is never accepted from the renderer, only a handle the host gave.
    expect(await h.call('exports:start', { spec: SPEC, target: { path: join(out, 'x.csv') } } as never)).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    expect(await h.call('exports:start', { spec: SPEC, target: { handle: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' } })).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
    const since = h.events.length
    const { exportId } = await h.value('exports:start', { spec: SPEC, target: { handle: chosen!.handle } })
    const finished = await h.waitFor('exports:finished', since)
    expect(finished).toMatchObject({ exportId, ok: true })
    if (!finished.ok) throw new Error(finished.message)
    const progress = h.eventsSince(since).filter((e) => e.event === 'exports:progress').map((e) => e.payload as { done: number; total: number })
    expect(progress.length).toBeGreaterThan(0)
    expect(progress[progress.length - 1].done).toBe(progress[progress.length - 1].total)
    const bytes = readFileSync(join(out, 'billing.csv'))
    const { record } = finished
    expect(record.sha256).toEqual([createHash('sha256').update(bytes).digest('hex')])
    expect(record.rows).toBe(bytes.toString('utf8').split('\r\n').filter(Boolean).length - 1)
    expect(record.totals.map((t) => t.currency)).toEqual(['CHF', 'EUR'])
    const info = await h.value('cache:info', {})
    expect(record.totals.reduce((n, t) => n + t.lines, 0)).toBe(info.counts.billingLines)
    // The handle is spent: a second start with it is refused.
    expect(await h.call('exports:start', { spec: SPEC, target: { handle: chosen!.handle } })).toMatchObject({ ok: false })

    const list = await h.value('exports:list', {})
    expect(list.map((r) => [r.id, r.state, r.rows])).toEqual([[exportId, 'done', record.rows]])
    expect(await h.value('files:showInFolder', { exportId })).toEqual({ shown: true })
    expect(files.shown).toEqual([join(out, 'billing.csv')])

    const again = h.events.length
    const rerun = await h.value('exports:rerun', { id: exportId })
    const second = await h.waitFor('exports:finished', again)
    expect(second).toMatchObject({ exportId: rerun.exportId, ok: true, record: { sha256: record.sha256, files: record.files } })
    expect(readdirSync(out)).toEqual(['billing.csv'])
  })

  it('a dialog closed without a choice starts nothing', async () => {
    const files = fakeFiles(tempDir('session-export'))
    files.answerWith(null)
    const h = startSession({ demoOnFirstOpen: 'small', files: files.port })
    expect(await h.value('files:chooseToSave', { suggestedName: 'billing.csv', extension: 'csv' })).toBeNull()
  })

  it('cancel stops the export and leaves no file, the record says cancelled', async () => {
    const out = tempDir('session-export')
    const files = fakeFiles(out)
    const h = startSession({ demoOnFirstOpen: 'small', files: files.port })
    const chosen = await h.value('files:chooseToSave', { suggestedName: 'billing.csv', extension: 'csv' })
    const since = h.events.length
    const { exportId } = await h.value('exports:start', { spec: SPEC, target: { handle: chosen!.handle } })
    // An update waits for a running export, and stops waiting once it has ended.
    expect(h.session.work.busy()).toEqual(['export'])
    expect(await h.value('exports:cancel', { exportId })).toEqual({ cancelled: true })
    expect(await h.waitFor('exports:finished', since)).toMatchObject({ exportId, ok: false, state: 'cancelled' })
    expect(h.session.work.busy()).toEqual([])
    expect(readdirSync(out)).toEqual([])
    expect((await h.value('exports:list', {})).map((r) => r.state)).toEqual(['cancelled'])
    expect(existsSync(join(out, 'billing.csv'))).toBe(false)
  })
})
