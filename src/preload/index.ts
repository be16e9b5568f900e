// Runs sandboxed: it may require only `electron`, so electron-vite bundles the
// shared contract into it.
import { contextBridge, ipcRenderer } from 'electron'
import { BRIDGE_GLOBAL } from '../shared/channels'
import { createBridge } from './bridge'

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, createBridge(ipcRenderer))
