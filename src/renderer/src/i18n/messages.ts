/** A translation tree: nested sections whose leaves are message strings. */
export interface Messages {
  readonly [key: string]: string | Messages
}
