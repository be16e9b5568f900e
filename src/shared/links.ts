/**
 * Where the user does what the account's server offers no endpoint for. The
 * shell opens it in the browser (main/ipc/external-links.ts allows it).
 */
export const MANAGER_URL = 'https://manager.infomaniak.com/v3/'
