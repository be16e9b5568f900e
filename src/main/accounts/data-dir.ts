import { homedir } from 'node:os'
import { join } from 'node:path'

/**
 * Where the CLI finds the app's accounts and caches: the folder Electron
 * names `userData` for this app (`app.getPath('userData')`), so both share them.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const name = 'partner-desk'
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), name)
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', name)
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), name)
}

export const INFOMANIAK_API = 'https://api.infomaniak.com'
