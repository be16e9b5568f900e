// Files the user chose in the app's open dialog, by an opaque handle: no
// channel takes a path, so a renderer cannot name a file of its own choice.
import { randomUUID } from 'node:crypto'
import { basename } from 'node:path'
import { statSync } from 'node:fs'
import type { ChosenFile } from '../../../../shared/billing-import'
import type { ImportFile } from './run'

export class ChosenFiles {
  private readonly files = new Map<string, ImportFile>()

  /** Called by the host (the dialog's answer, the CLI's argument), never by a channel. */
  register(path: string): ChosenFile {
    const stat = statSync(path)
    if (!stat.isFile()) throw new Error(`${path} is not a file`)
    const handle = randomUUID()
    const name = basename(path)
    this.files.set(handle, { path, name })
    return { handle, name, size: stat.size }
  }

  get(handle: string): ImportFile | null {
    return this.files.get(handle) ?? null
  }
}
