import type { MenuItemConstructorOptions } from 'electron'
import { describe, expect, it, vi } from 'vitest'

vi.mock('electron', () => ({ Menu: {} }))
const { menuTemplate } = await import('../../../src/main/shell/menu')

/** Every role in a template, submenus included. */
const roles = (items: MenuItemConstructorOptions[]): string[] =>
  items.flatMap((item) => [...(item.role ? [item.role] : []), ...(Array.isArray(item.submenu) ? roles(item.submenu) : [])])

describe('the application menu', () => {
  it("has the platform's standard menus: the app menu on macOS only", () => {
    expect(roles(menuTemplate({ platform: 'darwin', isPackaged: true }))).toEqual(expect.arrayContaining(['appMenu', 'fileMenu', 'editMenu', 'viewMenu', 'windowMenu']))
    for (const platform of ['win32', 'linux'] as const) {
      const found = roles(menuTemplate({ platform, isPackaged: true }))
      expect(found).toEqual(expect.arrayContaining(['fileMenu', 'editMenu', 'viewMenu', 'windowMenu']))
      expect(found).not.toContain('appMenu')
    }
  })

  it('offers reload and DevTools while developing, and none of them once packaged', () => {
    const developerRoles = ['reload', 'forceReload', 'toggleDevTools']
    expect(roles(menuTemplate({ platform: 'linux', isPackaged: false }))).toEqual(expect.arrayContaining(developerRoles))
    for (const platform of ['darwin', 'win32', 'linux'] as const) {
      const found = roles(menuTemplate({ platform, isPackaged: true })).map((role) => role.toLowerCase())
      expect(found.filter((role) => developerRoles.map((r) => r.toLowerCase()).includes(role))).toEqual([])
      expect(found).toContain('zoomin')
    }
  })
})
