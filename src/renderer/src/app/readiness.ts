/**
 * Readiness signal for browser tests, on `<html data-app-state="…">`:
 *
 * - `loading`: from the first paint (index.html sets it) until the first
 *   screen has its content (the first page of clients rendered, or another
 *   screen shown).
 * - `ready`: nothing the UI shows is waiting on the core.
 * - `busy`: after first readiness, some load is under way, e.g. a search
 *   typed and not yet answered (set as soon as the keystroke lands, before
 *   the debounce), or rows scrolled into view that are still placeholders.
 * - `blocked`: the app cannot go on (no bridge, a cache problem, a failed
 *   startup); the screen explains why. Leaving it (cache recovered) goes
 *   back to `loading`.
 *
 * So a test types, then waits for `html[data-app-state="ready"]`.
 */
export type AppState = 'loading' | 'ready' | 'busy' | 'blocked'

let blocked = false
let interactive = false
let nextToken = 0
const holders = new Set<number>()

function current(): AppState {
  if (blocked) return 'blocked'
  if (!interactive) return 'loading'
  return holders.size > 0 ? 'busy' : 'ready'
}

function publish(): void {
  document.documentElement.dataset.appState = current()
}

export function setBlocked(value: boolean): void {
  blocked = value
  if (value) interactive = false
  publish()
}

/** Called once a screen shows real content; later loads then read as busy/ready. */
export function markInteractive(): void {
  interactive = true
  publish()
}

/** Marks a load as under way; call the returned function (once or more) when it settles. */
export function holdBusy(): () => void {
  const token = nextToken++
  holders.add(token)
  publish()
  return () => {
    if (holders.delete(token)) publish()
  }
}
