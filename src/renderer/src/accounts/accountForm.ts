import { baseUrlProblem as sharedBaseUrlProblem } from '../../../shared/base-url'
import type { ConnectionReport, Input } from '../../../shared/contract'

// The same limits as the contract's `accounts:add` and `accounts:setToken`,
// checked before sending so the user is told which field is wrong, in words.
export const LABEL_MAX = 80
export const TOKEN_MIN = 20
export const TOKEN_MAX = 4096

export type TokenProblem = 'tokenRequired' | 'tokenTooShort' | 'tokenTooLong'
export type LabelProblem = 'labelRequired' | 'labelTooLong' | 'labelTaken'
export type BaseUrlProblem = 'baseUrlInvalid' | 'baseUrlInsecure' | 'baseUrlCredentials' | 'baseUrlQuery' | 'baseUrlFragment'

export interface AccountDraft {
  label: string
  token: string
  /** Empty: the default Infomaniak API. */
  baseUrl: string
}

export interface AccountProblems {
  label?: LabelProblem
  token?: TokenProblem
  baseUrl?: BaseUrlProblem
}

export function tokenProblem(token: string): TokenProblem | null {
  const trimmed = token.trim()
  if (trimmed === '') return 'tokenRequired'
  if (trimmed.length < TOKEN_MIN) return 'tokenTooShort'
  if (trimmed.length > TOKEN_MAX) return 'tokenTooLong'
  return null
}

const BASE_URL_PROBLEMS = {
  invalid: 'baseUrlInvalid',
  insecure: 'baseUrlInsecure',
  credentials: 'baseUrlCredentials',
  query: 'baseUrlQuery',
  fragment: 'baseUrlFragment',
} as const satisfies Record<NonNullable<ReturnType<typeof sharedBaseUrlProblem>>, BaseUrlProblem>

/** The core's own rule (shared/base-url.ts), each problem with words of its own. */
export function baseUrlProblem(baseUrl: string): BaseUrlProblem | null {
  const trimmed = baseUrl.trim()
  if (trimmed === '') return null
  const problem = sharedBaseUrlProblem(trimmed)
  return problem === null ? null : BASE_URL_PROBLEMS[problem]
}

export function labelProblem(text: string, takenLabels: readonly string[] = []): LabelProblem | null {
  const label = text.trim()
  if (label === '') return 'labelRequired'
  if (label.length > LABEL_MAX) return 'labelTooLong'
  if (takenLabels.some((taken) => taken.toLowerCase() === label.toLowerCase())) return 'labelTaken'
  return null
}

export function accountProblems(draft: AccountDraft, takenLabels: readonly string[] = []): AccountProblems {
  const problems: AccountProblems = {}
  const label = labelProblem(draft.label, takenLabels)
  if (label !== null) problems.label = label
  const token = tokenProblem(draft.token)
  if (token !== null) problems.token = token
  const baseUrl = baseUrlProblem(draft.baseUrl)
  if (baseUrl !== null) problems.baseUrl = baseUrl
  return problems
}

export const hasProblems = (problems: AccountProblems): boolean => Object.keys(problems).length > 0

export function addAccountInput(draft: AccountDraft, acceptUnprotected: boolean, organizationId: number | null = null): Input<'accounts:add'> {
  const baseUrl = draft.baseUrl.trim()
  return {
    label: draft.label.trim(),
    token: draft.token.trim(),
    ...(baseUrl === '' ? {} : { baseUrl }),
    ...(organizationId === null ? {} : { organizationId }),
    acceptUnprotected,
  }
}

/** What a connection test tried: a new token or address needs a new test. */
export const connectionKey = (draft: AccountDraft): string => JSON.stringify([draft.token.trim(), draft.baseUrl.trim()])

/**
 * The partner organization a tested token leads to: the one found without
 * asking, else the one the user picked among the token's own; null while the
 * user has yet to pick.
 */
export function partnerOf(report: ConnectionReport, picked: number | null): number | null {
  if (report.partner !== null) return report.partner
  return report.organizations.some((org) => org.own && org.id === picked) ? picked : null
}

/** Sent with the account only when the user had to pick (the sync finds a sole own organization itself). */
export const pickedOrganization = (report: ConnectionReport, picked: number | null): number | null => (report.partner === null ? partnerOf(report, picked) : null)
