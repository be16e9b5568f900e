import { useCallback, useEffect, useRef, useState } from 'react'
import type { AppError, Result } from '../../../shared/result'
import { afterFirstReady, holdBusy } from './readiness'

export interface Loaded<T> {
  /** The last good answer; kept on screen while a refresh is under way or after it failed. */
  value: T | null
  /** The last failure; cleared by the next good answer. */
  error: AppError | null
  loading: boolean
}

export interface CoreLoad<T> extends Loaded<T> {
  /** Asks again (Retry, or after a change). */
  reload(): void
  /** Puts a value known otherwise (an event's payload, a mutation's answer) in place of the last answer. */
  set(update: (value: T | null) => T | null): void
}

/**
 * One read from the core, repeated whenever `key` changes or `reload` is
 * called. Holds the app `busy` while a read is under way (see readiness.ts),
 * and drops answers that a newer read has overtaken. A `secondary` read
 * (nothing the first screen needs) is asked only once that screen has shown
 * its content, and holds the app busy only from then on.
 */
export function useCoreLoad<T>(load: () => Promise<Result<T>>, key: unknown, { secondary = false } = {}): CoreLoad<T> {
  const [state, setState] = useState<Loaded<T>>({ value: null, error: null, loading: true })
  const [attempt, setAttempt] = useState(0)
  const latest = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  // A reload asked for is busy from the moment it is asked, not from the next render.
  const asked = useRef<Array<() => void>>([])

  useEffect(() => {
    const id = ++latest.current
    let live = true
    let release = (): void => {}
    const ask = (): void => {
      if (!live) return
      release = holdBusy()
      for (const releaseAsked of asked.current.splice(0)) releaseAsked()
      void loadRef.current().then((result) => {
        release()
        if (latest.current !== id) return
        setState((s) => (result.ok ? { value: result.value, error: null, loading: false } : { value: s.value, error: result.error, loading: false }))
      })
    }
    if (secondary) afterFirstReady(ask)
    else ask()
    setState((s) => (s.loading ? s : { ...s, loading: true }))
    return () => {
      live = false
      release()
    }
  }, [key, attempt, secondary])

  const reload = useCallback(() => {
    asked.current.push(holdBusy())
    setAttempt((n) => n + 1)
  }, [])
  // Unmounted with a reload still asked: nothing will release it otherwise.
  useEffect(() => () => asked.current.splice(0).forEach((release) => release()), [])
  const set = useCallback((update: (value: T | null) => T | null) => setState((s) => ({ ...s, value: update(s.value) })), [])
  return { ...state, reload, set }
}
