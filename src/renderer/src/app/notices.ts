/** Kept as data, not text, so a notice follows a later language change. */
export type AppNotice = { kind: 'recovered'; path: string } | { kind: 'settingsFallback'; message: string }
