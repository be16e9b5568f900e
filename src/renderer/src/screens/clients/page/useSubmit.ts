import { useState, type ReactNode } from 'react'
import type { Change } from '../../../../../shared/changes'
import type { ClientDetail, ClientProfile } from '../../../../../shared/contract'
import { useApi } from '../../../api/ApiContext'
import { holdBusy } from '../../../app/readiness'

export type Section = 'tags' | 'products' | 'partnership'
export type Submit = (section: Section, change: Change) => Promise<boolean>

/** What a section of the client page that makes changes is given. */
export interface ChangingSectionProps {
  detail: ClientDetail
  profile: ClientProfile
  busy: boolean
  submit: Submit
  error: ReactNode
}

export interface Failure {
  section: Section
  message: string
  /** The server offers no endpoint for the change: the Manager does it. */
  notOffered: boolean
}

/**
 * Every change of the client page goes through `changes:submit` (the outbox);
 * the core then announces it and the page reads the client again.
 */
export function useSubmit(): { busy: boolean; failure: Failure | null; setFailure(failure: Failure | null): void; submit: Submit } {
  const api = useApi()
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<Failure | null>(null)
  const submit: Submit = async (section, change) => {
    setBusy(true)
    setFailure(null)
    const release = holdBusy()
    const result = await api.call('changes:submit', { change })
    setBusy(false)
    if (!result.ok) setFailure({ section, message: result.error.message, notOffered: result.error.code === 'not_offered' })
    release()
    return result.ok
  }
  return { busy, failure, setFailure, submit }
}
