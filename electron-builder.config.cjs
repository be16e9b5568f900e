// Installers for Windows (NSIS), macOS (DMG) and Linux (AppImage, deb).
// Built on a machine with internet by `npm run dist` (scripts/package.mjs):
// electron-builder downloads Electron, and the script first builds
// better-sqlite3 for Electron's ABI into .native/electron/. The shape of this
// file is checked by tests/unit/packaging/config.test.ts.

/**
 * Where installed copies look for updates (electron-updater's generic
 * provider; written into the app's app-update.yml). Configuration, not code:
 * set PARTNER_DESK_UPDATE_URL when packaging for another update server.
 */
const updateUrl = process.env.PARTNER_DESK_UPDATE_URL || 'https://updates.partner-desk.example/desktop/'

/** @type {import('electron-builder').Configuration} */
module.exports = {
  appId: 'ch.partnerdesk.desktop',
  productName: 'Partner Desk',
  copyright: 'Partner Desk',
  directories: { output: 'dist', buildResources: 'resources' },

  // better-sqlite3's Electron build comes from scripts/electron-native.mjs
  // (node_modules keeps Node's build for tests and the CLI). electron-builder's
  // own rebuild (@electron/rebuild 4) needs Node 22, and would overwrite the
  // Node build in node_modules.
  npmRebuild: false,
  nodeGypRebuild: false,
  buildDependenciesFromSource: false,

  // Only what the app runs: the built main, preload and renderer, and the
  // production dependencies electron-builder adds. Never sources, tests,
  // benchmarks, the CLI, Node's build of better-sqlite3 or its C sources.
  files: [
    'package.json',
    'out/main/**',
    'out/preload/**',
    'out/renderer/**',
    '!out/main/cli.js',
    '!**/*.map',
    '!node_modules/better-sqlite3/{build,deps,src,binding.gyp}{,/**}',
    '!node_modules/prebuild-install{,/**}',
  ],
  asar: true,
  // Worker threads cannot load a script from inside the asar, nor can a script
  // outside it require what stays inside: the worker entries, the chunks they
  // share with the main entry, and every package the threads require live
  // beside the archive (app.asar.unpacked). The config test derives that list
  // from the built files, so a new dependency of a thread cannot be forgotten.
  asarUnpack: [
    'out/main/**',
    'node_modules/better-sqlite3/**',
    'node_modules/bindings/**',
    'node_modules/file-uri-to-path/**',
    'node_modules/@faker-js/faker/**',
    'node_modules/jsvat/**',
    'node_modules/papaparse/**',
    'node_modules/postal-mime/**',
  ],
  // Electron's build of better-sqlite3, where src/main/shell/native-binding.ts
  // (PACKAGED_BINDING) looks for it: resources/native/.
  extraResources: [{ from: '.native/electron/better_sqlite3.node', to: 'native/better_sqlite3.node' }],

  // Flipped right before signing (electron-builder uses @electron/fuses).
  electronFuses: {
    runAsNode: false,
    enableNodeOptionsEnvironmentVariable: false,
    enableNodeCliInspectArguments: false,
    enableEmbeddedAsarIntegrityValidation: true,
    onlyLoadAppFromAsar: true,
    enableCookieEncryption: true,
    // The app loads its pages from its own protocol, never file://.
    grantFileProtocolExtraPrivileges: false,
  },

  publish: [{ provider: 'generic', url: updateUrl }],

  win: {
    target: [{ target: 'nsis', arch: ['x64'] }],
    icon: 'resources/icon.ico',
  },
  nsis: {
    oneClick: false,
    perMachine: false,
    allowToChangeInstallationDirectory: true,
    deleteAppDataOnUninstall: false,
    artifactName: '${productName}-Setup-${version}.${ext}',
  },
  mac: {
    target: [{ target: 'dmg', arch: ['x64', 'arm64'] }],
    category: 'public.app-category.business',
    icon: 'resources/icon.icns',
    hardenedRuntime: true,
    gatekeeperAssess: false,
    entitlements: 'resources/entitlements.mac.plist',
    entitlementsInherit: 'resources/entitlements.mac.plist',
  },
  dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  linux: {
    target: [
      { target: 'AppImage', arch: ['x64'] },
      { target: 'deb', arch: ['x64'] },
    ],
    category: 'Office',
    icon: 'resources/icons',
    synopsis: 'Managed clients, billing history and tenders for Infomaniak partners',
    maintainer: 'Partner Desk <desktop@partner-desk.example>',
  },
  deb: { artifactName: '${name}_${version}_${arch}.${ext}' },
  appImage: { artifactName: '${productName}-${version}-${arch}.${ext}' },
}
