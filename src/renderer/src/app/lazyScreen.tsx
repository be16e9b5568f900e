import { lazy, Suspense, useState, type ComponentType } from 'react'
import { useBusyWhile } from './useBusyWhile'

export interface LazyScreen<P extends object> {
  /** Renders the screen, from its own chunk; the app reads busy while that chunk loads. */
  Screen: ComponentType<P>
  /** Starts loading the chunk (see preloadScreens). */
  preload(): Promise<void>
}

/** Shown while a screen's chunk loads: nothing, but no `ready` before the screen is there. */
function Loading() {
  useBusyWhile(true)
  return null
}

/**
 * A screen kept out of the start bundle (what the first page of clients does
 * not need was a third of it, parsed and run before anything showed). Once
 * its chunk is in, a new mount renders it at once rather than suspending for
 * a turn; a mount keeps the component it started with, so that a screen
 * loaded while shown is not mounted afresh.
 */
export function lazyScreen<P extends object>(load: () => Promise<ComponentType<P>>): LazyScreen<P> {
  let loaded: ComponentType<P> | null = null
  let loading: Promise<ComponentType<P>> | null = null
  const fetch = (): Promise<ComponentType<P>> => {
    loading ??= load().then((component) => (loaded = component))
    return loading
  }
  const Deferred = lazy(() => fetch().then((component) => ({ default: component })))
  function Screen(props: P) {
    const [Component] = useState<ComponentType<P>>(() => loaded ?? Deferred)
    return (
      <Suspense fallback={<Loading />}>
        <Component {...props} />
      </Suspense>
    )
  }
  return { Screen, preload: () => fetch().then(() => undefined) }
}
