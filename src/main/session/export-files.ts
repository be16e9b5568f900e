// The host's half of an export: the native save dialog (through a port, the
// shell's in the app, a fake in tests), the path it gave kept here behind an
// opaque handle, and "show in folder". The renderer never names a path.
import { randomUUID } from 'node:crypto'
import type { ExportRecord } from '../../shared/billing'
import type { Output, ParsedInput } from '../../shared/contract'
import { fail, ok, type Result } from '../../shared/result'
import type { CoreHost } from '../core/host'

export interface FilesPort {
  /** The path chosen in a native save dialog; null when the user cancelled it. */
  chooseToSave(suggestedName: string, extension: 'csv' | 'txt'): Promise<string | null>
  showInFolder(path: string): void
}

/** Where there is no shell (a session without one): says so rather than writing anywhere. */
export const NO_FILES_PORT: FilesPort = {
  chooseToSave: async () => {
    throw new Error('no save dialog in this host')
  },
  showInFolder: () => {
    throw new Error('no file manager in this host')
  },
}

type FileChannel = 'files:chooseToSave' | 'files:showInFolder' | 'exports:start'
export type FileHandlers = { [C in FileChannel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> }

/** At most this many chosen paths wait for their export: a renderer calling the dialog in a loop holds no more. */
const MAX_WAITING = 20

export function fileHandlers(files: () => FilesPort, core: () => CoreHost | null): FileHandlers {
  const chosen = new Map<string, string>()
  return {
    'files:chooseToSave': async ({ suggestedName, extension }) => {
      let path: string | null
      try {
        path = await files().chooseToSave(suggestedName, extension)
      } catch (error) {
        return fail('internal', `the save dialog could not open: ${error instanceof Error ? error.message : String(error)}`)
      }
      if (path === null) return ok(null)
      const handle = randomUUID()
      chosen.set(handle, path)
      if (chosen.size > MAX_WAITING) chosen.delete(chosen.keys().next().value as string)
      return ok({ handle, fileName: path.split(/[\\/]/).pop() ?? path })
    },
    'exports:start': async ({ spec, target }) => {
      const path = chosen.get(target.handle)
      if (path === undefined) return fail('invalid_input', 'target.handle: no file was chosen with this handle (choose where to save first)')
      const host = core()
      if (!host) return fail('cache_unavailable', 'Partner Desk is closing')
      const started = await host.startExport(spec, path)
      if (started.ok) chosen.delete(target.handle)
      return started
    },
    'files:showInFolder': async ({ exportId }) => {
      const host = core()
      if (!host) return fail('cache_unavailable', 'Partner Desk is closing')
      const list = (await host.call('exports:list', { limit: 500 })) as Result<ExportRecord[]>
      if (!list.ok) return list
      const record = list.value.find((entry) => entry.id === exportId)
      if (!record) return fail('invalid_input', `exportId: no export ${exportId} in this cache`)
      if (record.files.length === 0) return ok({ shown: false })
      try {
        files().showInFolder(record.files[0])
      } catch (error) {
        return fail('internal', `the file manager could not open: ${error instanceof Error ? error.message : String(error)}`)
      }
      return ok({ shown: true })
    },
  }
}
