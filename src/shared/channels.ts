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
] as const
export type EventName = (typeof EVENT_NAMES)[number]

/** The single name the preload (or the test bridge) exposes on window. */
export const BRIDGE_GLOBAL = '__partnerDeskBridge__'
/** Marker the renderer checks, so a DOM element with the same id is never taken for the bridge. */
export const BRIDGE_BRAND = 'partner-desk-bridge/1'
export type HostChannel = (typeof HOST_CHANNELS)[number]
/** Channels the core worker answers. */
export type CoreChannel = Exclude<Channel, HostChannel>
