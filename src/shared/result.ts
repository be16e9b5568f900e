/** Every IPC answer is data: failures never throw across a process boundary. */
export const ERROR_CODES = [
  'invalid_input',
  'forbidden',
  'unknown_channel',
  'cache_unavailable',
  'cancelled',
  'busy',
  /** The account's token was refused: syncing needs a new one. */
  'token_invalid',
  /** The server could not be reached: the app keeps working on the cache. */
  'offline',
  /** The server answered, but not as the API promises (or refused the call). */
  'remote',
  /** The account's server offers no endpoint for this (Infomaniak's published API has none): the Manager does it. */
  'not_offered',
  /** This computer has no protected keystore and the user has not accepted storing the token unprotected. */
  'unprotected_storage',
  /** This computer offers no keystore at all: a token cannot be kept. */
  'no_keystore',
  /** Refused on an Infomaniak account's cache: it would replace the account's data and drop its unsent changes. */
  'account_cache',
  'internal',
] as const
export type ErrorCode = (typeof ERROR_CODES)[number]

export interface AppError {
  readonly code: ErrorCode
  readonly message: string
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: AppError }

export const ok = <T>(value: T): Result<T> => ({ ok: true, value })
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } })
