import { createContext, useCallback, useContext, type ReactNode } from 'react'
import type { OutboxCounts } from '../../../shared/contract'
import { useApi } from '../api/ApiContext'
import { useCacheInfo } from '../app/CacheInfoContext'
import { useCoreLoad } from '../app/useCoreLoad'

interface CountsValue {
  /** Partnership changes not yet seen; null while unknown (not read yet, or the read failed). */
  unseenEvents: number | null
  outbox: OutboxCounts | null
  /** A screen learnt the new count from a mutation's answer. */
  setUnseenEvents(unseen: number): void
  setOutbox(counts: OutboxCounts): void
}

const CountsContext = createContext<CountsValue | null>(null)

/** The navigation's badges: unseen partnership changes and changes waiting to be sent. */
export function CountsProvider({ children }: { children: ReactNode }) {
  const api = useApi()
  // A sync that found changes ends with `cache:changed`, which bumps the generation.
  const { generation, outboxGeneration } = useCacheInfo()
  const events = useCoreLoad(
    async () => {
      const result = await api.call('events:list', { offset: 0, limit: 1, unseenOnly: true })
      return result.ok ? { ok: true as const, value: result.value.unseen } : result
    },
    generation,
  )
  const outbox = useCoreLoad(() => api.call('outbox:counts', {}), outboxGeneration)
  const setEventsValue = events.set
  const setOutboxValue = outbox.set

  const setUnseenEvents = useCallback((unseen: number) => setEventsValue(() => unseen), [setEventsValue])
  const setOutbox = useCallback((counts: OutboxCounts) => setOutboxValue(() => counts), [setOutboxValue])

  return (
    <CountsContext.Provider value={{ unseenEvents: events.value, outbox: outbox.value, setUnseenEvents, setOutbox }}>
      {children}
    </CountsContext.Provider>
  )
}

export function useCounts(): CountsValue {
  const value = useContext(CountsContext)
  if (value === null) throw new Error('useCounts needs a CountsProvider above it')
  return value
}
