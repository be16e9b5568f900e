// The lists a sync keeps and the data sets the user sees, apart from the
// contract so the renderer can name them without bundling zod.

/** The lists whose freshness the user sees ("as of"). */
export const SYNCED_LISTS = ['partnerships', 'products', 'tenders', 'invoices', 'billing'] as const
export type SyncedList = (typeof SYNCED_LISTS)[number]

/** What the user sees, by data set (the lists behind them: SYNCED_LISTS). */
export const DATA_SETS = ['clients', 'products', 'billing', 'invoices', 'tenders'] as const
export type DataSet = (typeof DATA_SETS)[number]
