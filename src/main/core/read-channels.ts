// Which channels the reader thread may answer (reads.ts answers them). Apart
// from the handlers, so the host routes calls without loading the queries.
export const READ_CHANNELS = [
  'clients:list',
  'clients:get',
  'events:list',
  'outbox:list',
  'outbox:counts',
  'billing:summary',
  'earnings:summary',
  'earnings:outlook',
  'exports:list',
  // Clients workspace (issue 10)
  'clients:facets',
  'clients:matrix',
  'clients:ids',
  'clients:bulkTagPreview',
  'clients:profile',
  'clients:impact',
  'views:list',
  'staff:list',
  'staff:assignPreview',
  'renewals:list',
  'renewals:due',
] as const
export type ReadChannel = (typeof READ_CHANNELS)[number]

const readChannels = new Set<string>(READ_CHANNELS)
export const isReadChannel = (channel: string): channel is ReadChannel => readChannels.has(channel)
