// The contract's names without its schemas: the preload and the renderer
// import these, so neither bundles zod. contract.ts proves at compile time
// that these lists are exactly its channels and events.

export const CHANNELS = [
  'cache:status',
  'cache:info',
  'cache:recover',
  'clients:list',
  'clients:get',
  'clients:refreshDetails',
  'settings:get',
  'settings:set',
  'demo:generate',
  'sync:start',
  'sync:cancel',
  'sync:status',
  'events:list',
  'events:markSeen',
  'changes:submit',
  'outbox:list',
  'outbox:counts',
  'outbox:retry',
  'outbox:discard',
  'outbox:resolve',
  'outbox:push',
  'accounts:list',
  'accounts:add',
  'accounts:test',
  'accounts:update',
  'accounts:remove',
  'accounts:switch',
  'accounts:setToken',
  'accounts:compromised',
  'desktop:notify',
  'updates:state',
  'updates:check',
  'updates:download',
  'updates:install',
  'billing:summary',
  'earnings:summary',
  'earnings:outlook',
  'files:chooseToSave',
  'files:showInFolder',
  'exports:start',
  'exports:cancel',
  'exports:list',
  'exports:rerun',
  // Import of the Manager's CSV exports (billing/import).
  'imports:chooseFile',
  'imports:preview',
  'imports:saveMapping',
  'imports:commit',
  'imports:list',
  'imports:unmatched',
  'imports:undo',
  // The tender inbox.
  'tenders:list',
  'tenders:get',
  'tenders:move',
  'tenders:snooze',
  'tenders:undo',
  'tenders:update',
  'tenders:visit',
  'tenders:getPrefs',
  'tenders:setPrefs',
  'tenders:overrideScore',
  'tenders:readEmail',
  'tenders:addFromEmail',
  'tenders:consult',
  'tenders:purgeContacts',
  'tenders:draftProposal',
  'tenders:sendProposal',
  'tenders:resolveConflict',
  'tenders:takeNotices',
  // Clients workspace (issue 10)
  'clients:facets',
  'clients:matrix',
  'clients:ids',
  'clients:bulkTagPreview',
  'clients:bulkTag',
  'clients:profile',
  'clients:impact',
  'notes:set',
  'views:list',
  'views:save',
  'views:delete',
  'staff:list',
  'staff:save',
  'staff:assignPreview',
  'renewals:list',
  'renewals:setLeads',
  'renewals:due',
  'renewals:shown',
  'renewals:shownAll',
  'renewals:snooze',
] as const

/**
 * Channels the main process answers itself: accounts and tokens never reach
 * the worker's cache, and settings belong to the app, not to one account.
 */
export const HOST_CHANNELS = [
  'accounts:list',
  'accounts:add',
  'accounts:test',
  'accounts:update',
  'accounts:remove',
  'accounts:switch',
  'accounts:setToken',
  'accounts:compromised',
  'settings:get',
  'settings:set',
  'desktop:notify',
  // The app's own updates belong to the installed copy, not to a cache.
  'updates:state',
  'updates:check',
  'updates:download',
  'updates:install',
  // The save dialog and the file manager are the shell's; the chosen path stays in the main process.
  'files:chooseToSave',
  'files:showInFolder',
  'exports:start',
  /** The native open dialog belongs to the app; the worker gets a handle, never a path from the renderer. */
  'imports:chooseFile',
] as const satisfies readonly Channel[]
export type Channel = (typeof CHANNELS)[number]

export const EVENT_NAMES = [
  'cache:status',
  'demo:progress',
  'cache:changed',
  'sync:progress',
  'sync:finished',
  'outbox:changed',
  'accounts:changed',
  'desktop:notificationClicked',
  'updates:state',
  'exports:progress',
  'exports:finished',
  'imports:progress',
] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** The single name the preload (or the test bridge) exposes on window. */
export const BRIDGE_GLOBAL = '__partnerDeskBridge__'
/** Marker the renderer checks, so a DOM element with the same id is never taken for the bridge. */
export const BRIDGE_BRAND = 'partner-desk-bridge/1'
export type HostChannel = (typeof HOST_CHANNELS)[number]
export type TenderChannel = Extract<Channel, `tenders:${string}`>
/** Channels the core worker answers. */
export type CoreChannel = Exclude<Channel, HostChannel>
