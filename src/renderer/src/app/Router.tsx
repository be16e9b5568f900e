import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import { formatRoute, locationRoute, parseRoute, type Route } from './route'

export interface Router {
  route: Route
  /** The route as text (what the location hash holds). */
  text: string
  /** Goes to a route; `replace` changes the current entry instead of adding one (typing in a search). */
  go(route: Route | string, options?: { replace?: boolean }): void
  back(): void
}

const RouterContext = createContext<Router | null>(null)

/** Set once the first shell has mounted (the provider remounts with each account's cache). */
let shellOpened = false

const current = (): string => window.location.hash.replace(/^#\/?/, '')
/** How many of the app's own routes lie behind this entry: Back never leaves the app's page. */
const depth = (): number => {
  const state: unknown = history.state
  return typeof state === 'object' && state !== null && typeof (state as { depth?: unknown }).depth === 'number' ? (state as { depth: number }).depth : 0
}
/** Whether Back stays in the app (a page opened first, e.g. after a reload, has nothing of ours behind it). */
export const canGoBack = (): boolean => depth() > 0

const goBack = (): void => {
  if (depth() > 0) history.back()
}

/**
 * The route lives in the location hash: the browser's own history gives
 * Back and Forward (Alt+Left, Alt+Right, the mouse's back button), and a
 * hash change is no navigation the shell blocks.
 */
export function RouterProvider({ children }: { children: ReactNode }) {
  const [text, setText] = useState(() => {
    // Another account's cache gets a shell with nothing carried over: it opens on the clients table.
    // The first shell keeps the route, so a reload stays where the user was.
    if (shellOpened) {
      history.replaceState({ depth: 0 }, '', '#/clients')
      return 'clients'
    }
    return formatRoute(locationRoute())
  })
  useEffect(() => {
    shellOpened = true
  }, [])
  useEffect(() => {
    const follow = (): void => setText(formatRoute(locationRoute()))
    window.addEventListener('hashchange', follow)
    window.addEventListener('popstate', follow)
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (event.key === 'ArrowLeft') goBack()
      else if (event.key === 'ArrowRight') history.forward()
      else return
      event.preventDefault()
    }
    const onMouse = (event: MouseEvent): void => {
      if (event.button === 3) goBack()
      if (event.button === 4) history.forward()
    }
    window.addEventListener('keydown', onKeyDown)
    window.addEventListener('mouseup', onMouse)
    return () => {
      window.removeEventListener('hashchange', follow)
      window.removeEventListener('popstate', follow)
      window.removeEventListener('keydown', onKeyDown)
      window.removeEventListener('mouseup', onMouse)
    }
  }, [])
  const go = useCallback((to: Route | string, options?: { replace?: boolean }) => {
    const next = typeof to === 'string' ? formatRoute(parseRoute(to)) : formatRoute(to)
    if (next === current()) return
    if (options?.replace) history.replaceState({ depth: depth() }, '', `#/${next}`)
    else history.pushState({ depth: depth() + 1 }, '', `#/${next}`)
    setText(next)
  }, [])
  const back = useCallback(goBack, [])
  const value = useMemo(() => ({ route: parseRoute(text), text, go, back }), [text, go, back])
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>
}

export function useRouter(): Router {
  const router = useContext(RouterContext)
  if (router === null) throw new Error('useRouter needs a RouterProvider above it')
  return router
}
