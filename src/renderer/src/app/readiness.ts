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
 *   Secondary reads (afterFirstReady) start after the first `ready`, so the
 *   app goes busy once more just after it: what they show (facet counts in
 *   the closed filter menus) is there at the next `ready`.
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
let readOnce = false
/** What waits for the first `ready` (see afterFirstReady); null once it has run. */
let waiting: Array<() => void> | null = []

function current(): AppState {
  if (blocked) return 'blocked'
  if (!interactive) return 'loading'
  return holders.size > 0 ? 'busy' : 'ready'
}

function publish(): void {
  const state = current()
  document.documentElement.dataset.appState = state
  if (state === 'ready' && !readOnce) {
    readOnce = true
    // A task of its own, so the first screen is painted and reads ready before secondary work holds it busy.
    setTimeout(() => {
      const runs = waiting ?? []
      waiting = null
      for (const run of runs) run()
    }, 0)
  }
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

/**
 * Runs `run` once the app has first read `ready` (the first screen shown with
 * all it needs), at once if it has. Secondary reads (facet counts, reminders,
 * notices) wait for it: the core answers reads one at a time, and the first
 * page of clients must not queue behind them.
 */
export function afterFirstReady(run: () => void): void {
  if (waiting === null) run()
  else waiting.push(run)
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
