// Renewal reminders' limits, shared by the contract and the renderer (zod-free, so the renderer's bundle stays without it).

/** Reminder keys one `renewals:shown` call records: a first sync can make thousands due at once, sent in parts this big. */
export const REMINDER_KEYS_PER_CALL = 500
