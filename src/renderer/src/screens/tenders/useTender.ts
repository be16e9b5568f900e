import { useCallback, useEffect, useState } from 'react'
import type { AppError, Result } from '../../../../shared/result'
import type { TenderDetail } from '../../../../shared/tenders'
import { useApi } from '../../api/ApiContext'

/** One tender's detail, read again when `version` changes; actions answer the new detail. */
export function useTender(id: number | null, version: number) {
  const api = useApi()
  const [detail, setDetail] = useState<TenderDetail | null>(null)
  const [error, setError] = useState<AppError | null>(null)
  useEffect(() => {
    if (id === null) return setDetail(null)
    let live = true
    void api.call('tenders:get', { id }).then((result) => {
      if (!live) return
      if (result.ok) {
        setDetail(result.value)
        setError(null)
      } else setError(result.error)
    })
    return () => {
      live = false
    }
  }, [api, id, version])
  /** Takes an action's answer: the new detail, or the refusal to show. */
  const settle = useCallback((result: Result<TenderDetail>): boolean => {
    if (result.ok) {
      setDetail(result.value)
      setError(null)
    } else setError(result.error)
    return result.ok
  }, [])
  return { detail, error, settle }
}
