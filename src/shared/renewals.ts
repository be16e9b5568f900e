// Renewal reminders' limits, shared by the contract and the renderer (zod-free, so the renderer's bundle stays without it).

/** Reminder keys one `renewals:shown` call records. */
export const REMINDER_KEYS_PER_CALL = 500

/**
 * Due reminders `renewals:due` names: this many or fewer get a notice each;
 * more make one notice that says how many (a first sync can make thousands
 * due at once) and opens Renewals, where they are all listed.
 */
export const REMINDERS_NAMED = 3
