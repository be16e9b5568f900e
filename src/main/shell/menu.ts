// The application menu: the platform's standard roles (so Cmd+Q, copy and
// paste, window handling and zoom behave as users expect), and the reload and
// DevTools items only while developing: a packaged app has no accelerator
// that reloads the page under a running sync or opens the inspector.
import { Menu, type MenuItemConstructorOptions } from 'electron'

export interface MenuPlace {
  platform: NodeJS.Platform
  isPackaged: boolean
}

export function menuTemplate({ platform, isPackaged }: MenuPlace): MenuItemConstructorOptions[] {
  const developing: MenuItemConstructorOptions[] = isPackaged
    ? []
    : [{ role: 'reload' }, { role: 'forceReload' }, { role: 'toggleDevTools' }, { type: 'separator' }]
  return [
    ...(platform === 'darwin' ? [{ role: 'appMenu' } as const] : []),
    { role: 'fileMenu' },
    { role: 'editMenu' },
    {
      role: 'viewMenu',
      submenu: [...developing, { role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }],
    },
    { role: 'windowMenu' },
  ]
}

export function installMenu(place: MenuPlace): void {
  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate(place)))
}
