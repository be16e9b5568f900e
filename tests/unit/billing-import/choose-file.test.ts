// The file to import comes from the app's open dialog, never from a renderer:
// the session asks its dialog port and hands the core the path; the renderer
// gets an opaque handle, which is all the import channels take.
import { afterEach, describe, expect, it } from 'vitest'
import type { ChosenFile, ImportPreview } from '../../../src/shared/billing-import'
import { AppSession } from '../../../src/main/session/app-session'
import { BUILT_WORKER, tempDir } from '../../paths'
import { fakeCipher } from '../accounts/fake-cipher'
import { fixture } from './cache'

const sessions: AppSession[] = []
afterEach(async () => {
  for (const session of sessions.splice(0)) await session.close()
})

function start(chooseCsv?: () => Promise<string | null>): AppSession {
  const session = AppSession.start({
    dataDir: tempDir('choose-file'),
    cipher: fakeCipher('os_keystore'),
    workerPath: BUILT_WORKER,
    now: 1_795_000_000,
    rateLimit: 'off',
    ...(chooseCsv ? { openFile: { chooseCsv } } : {}),
  })
  sessions.push(session)
  return session
}

describe('imports:chooseFile', () => {
  it('answers a handle for the chosen file, which the preview takes', async () => {
    const session = start(async () => fixture('invoices-en.csv').path)
    const chosen = await session.dispatch('imports:chooseFile', {})
    expect(chosen).toMatchObject({ ok: true, value: { name: 'invoices-en.csv', size: expect.any(Number) } })
    const { handle } = (chosen as { value: ChosenFile }).value
    expect(handle).toMatch(/^[0-9a-f-]{36}$/)
    const preview = await session.dispatch('imports:preview', { handle })
    expect(preview).toMatchObject({ ok: true, value: { fileName: 'invoices-en.csv', kind: 'invoices', problems: [] } })
    expect((preview as { value: ImportPreview }).value.rows).toHaveLength(2)

    // An update waits while the import runs, and no longer once it has ended.
    const busyDuringImport: string[][] = []
    const begin = session.work.begin.bind(session.work)
    session.work.begin = (kind) => {
      const end = begin(kind)
      busyDuringImport.push(session.work.busy())
      return end
    }
    expect(await session.dispatch('imports:commit', { handle, dryRun: true })).toMatchObject({ ok: true })
    expect(busyDuringImport).toEqual([['import']])
    expect(session.work.busy()).toEqual([])
  })

  it('answers null when the user cancels, and refuses without a dialog', async () => {
    expect(await start(async () => null).dispatch('imports:chooseFile', {})).toEqual({ ok: true, value: null })
    expect(await start().dispatch('imports:chooseFile', {})).toMatchObject({ ok: false, error: { code: 'invalid_input' } })
  })

  it('takes no path from the caller: a path in place of a handle is refused', async () => {
    const session = start(async () => null)
    const answer = await session.dispatch('imports:preview', { handle: fixture('invoices-en.csv').path })
    expect(answer).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('handle') } })
    const made = await session.dispatch('imports:commit', { handle: '8f0c2b7e-8d7b-4c55-9d3f-0d2f5b1f4c11' })
    expect(made).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('choose the file again') } })
  })
})
