import { useEffect, type ReactNode } from 'react'
import { setBlocked } from '../app/readiness'

/** Full-window explanation when the app cannot go on; marks the app state `blocked` while shown. */
export function BlockedScreen({ title, testId, children }: { title: string; testId: string; children: ReactNode }) {
  useEffect(() => {
    setBlocked(true)
    return () => setBlocked(false)
  }, [])
  return (
    <main className="blocked" data-testid={testId}>
      <div className="blocked-panel">
        <h1 className="blocked-title">{title}</h1>
        {children}
      </div>
    </main>
  )
}
