// The import channels, answered by the core (the one writer of the cache).
import type BetterSqlite3 from 'better-sqlite3'
import type { Output, ParsedInput } from '../../../../shared/contract'
import { fail, ok, type Result } from '../../../../shared/result'
import type { Emit } from '../../core'
import type { ChosenFiles } from './files'
import { commitImport, previewImport, type ImportFile } from './run'
import { listImports, listUnmatched, saveMapping, undoImport, UndoRefused } from './store'

type ImportChannel = 'imports:preview' | 'imports:saveMapping' | 'imports:commit' | 'imports:list' | 'imports:unmatched' | 'imports:undo'

export interface ImportContext {
  /** The open cache, or why there is none. */
  state: () => { raw: BetterSqlite3.Database } | Result<never>
  files: ChosenFiles
  emit: Emit
  now: () => number
}

const unknownHandle = (handle: string) => fail('invalid_input', `handle: no chosen file ${handle} (choose the file again)`)

export function importHandlers(context: ImportContext): { [C in ImportChannel]: (input: ParsedInput<C>) => Promise<Result<Output<C>>> } {
  const withCache = async <T>(run: (raw: BetterSqlite3.Database) => Result<T>): Promise<Result<T>> => {
    const state = context.state()
    return 'raw' in state ? run(state.raw) : state
  }
  const withFile = <T>(handle: string, run: (raw: BetterSqlite3.Database, file: ImportFile) => Result<T>): Promise<Result<T>> =>
    withCache((raw) => {
      const file = context.files.get(handle)
      return file ? run(raw, file) : unknownHandle(handle)
    })
  return {
    'imports:preview': ({ handle, mapping, fixedType }) => withFile(handle, (raw, file) => ok(previewImport(raw, file, { mapping, fixedType }))),
    'imports:saveMapping': ({ signature, mapping, fixedType }) =>
      withCache((raw) => {
        saveMapping(raw, signature, mapping, fixedType, context.now())
        return ok({ saved: true as const })
      }),
    'imports:commit': ({ handle, mapping, fixedType, sha256, dryRun }) =>
      withFile(handle, (raw, file) => {
        const outcome = commitImport(raw, file, {
          mapping,
          fixedType,
          sha256,
          dryRun,
          now: context.now(),
          onProgress: (progress) => context.emit('imports:progress', progress),
        })
        if (outcome.outcome === 'imported' && !outcome.dryRun) context.emit('cache:changed', { reason: 'import' })
        return ok(outcome)
      }),
    'imports:list': () => withCache((raw) => ok(listImports(raw))),
    'imports:unmatched': ({ importId, offset, limit }) => withCache((raw) => ok(listUnmatched(raw, importId, offset, limit))),
    'imports:undo': ({ id }) =>
      withCache((raw) => {
        try {
          const record = undoImport(raw, id, context.now())
          context.emit('cache:changed', { reason: 'import' })
          return ok(record)
        } catch (error) {
          if (error instanceof UndoRefused) return fail('invalid_input', error.message)
          throw error
        }
      }),
  }
}
