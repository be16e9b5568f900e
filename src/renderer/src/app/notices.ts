/** Kept as data, not text, so a notice follows a later language change. */
export type AppNotice =
  | { kind: 'recovered'; path: string }
  | { kind: 'settingsFallback'; message: string }
  /** Added, then opened by the app: its first sync is under way. */
  | { kind: 'accountAdded'; label: string }
  /** "Token compromised?" with the open account's data erased: the app shows another cache now. */
  | { kind: 'accountWiped'; label: string }
