// The export's checks in a thread of their own (built as export-check.js):
// each file is read part by part as soon as the writer says a part is
// written, and its verdict answered once the writer is done with it.
import { parentPort } from 'node:worker_threads'
import { ExportCheckFailed, FileCheck, type FromCheckThread, type ToCheckThread } from './check'

const port = parentPort
if (!port) throw new Error('export check: runs only as a worker thread')

let check: FileCheck | null = null
/** A failure while opening or reading ahead waits for the verdict: the writer asks for it once. */
let failure: unknown = null

const answer = (error: unknown): FromCheckThread =>
  error === null ? { ok: true } : { ok: false, message: error instanceof Error ? error.message : String(error), failed: error instanceof ExportCheckFailed }

function attempt(step: () => void): void {
  if (failure !== null) return
  try {
    step()
  } catch (error) {
    failure = error
  }
}

port.on('message', (message: ToCheckThread) => {
  switch (message.type) {
    case 'open':
      failure = null
      check = null
      attempt(() => (check = new FileCheck(message.path, message.plan)))
      return
    case 'written':
      attempt(() => check?.advance(message.end))
      return
    case 'finish':
      if (failure !== null) check?.abandon()
      else attempt(() => check?.finish(message.written))
      check = null
      port.postMessage(answer(failure))
      return
    case 'abandon':
      check?.abandon()
      check = null
      return
    case 'close':
      port.close()
  }
})
