#!/usr/bin/env node
// Renders resources/icon.svg into every icon the installers need, with the
// Chromium the browser tests use (no image library in the project does SVG):
// Linux's resources/icons/<n>x<n>.png, resources/icon.png, Windows' icon.ico
// and macOS's icon.icns. ICO and ICNS both hold PNG images; their containers
// are a few header bytes, written here. Run after editing the SVG:
// `node scripts/make-icons.mjs`; the outputs are committed.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'

const root = fileURLToPath(new URL('..', import.meta.url))
const resources = join(root, 'resources')

export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512, 1024]
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]
// ICNS element types holding PNG data, by pixel size (Apple's icns format).
const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['ic11', 32],
  ['icp6', 64],
  ['ic12', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic13', 256],
  ['ic09', 512],
  ['ic14', 512],
  ['ic10', 1024],
]

/** A Windows icon file: a directory of entries, each a whole PNG. */
export function ico(pngs) {
  const header = Buffer.alloc(6)
  header.writeUInt16LE(0, 0)
  header.writeUInt16LE(1, 2)
  header.writeUInt16LE(pngs.length, 4)
  let offset = 6 + 16 * pngs.length
  const entries = pngs.map(({ size, png }) => {
    const entry = Buffer.alloc(16)
    entry.writeUInt8(size >= 256 ? 0 : size, 0)
    entry.writeUInt8(size >= 256 ? 0 : size, 1)
    entry.writeUInt16LE(1, 4)
    entry.writeUInt16LE(32, 6)
    entry.writeUInt32LE(png.length, 8)
    entry.writeUInt32LE(offset, 12)
    offset += png.length
    return entry
  })
  return Buffer.concat([header, ...entries, ...pngs.map(({ png }) => png)])
}

/** A macOS icon file: 'icns', its length, then typed elements. */
export function icns(elements) {
  const parts = elements.map(({ type, png }) => {
    const head = Buffer.alloc(8)
    head.write(type, 0, 'latin1')
    head.writeUInt32BE(8 + png.length, 4)
    return Buffer.concat([head, png])
  })
  const head = Buffer.alloc(8)
  head.write('icns', 0, 'latin1')
  head.writeUInt32BE(8 + parts.reduce((sum, part) => sum + part.length, 0), 4)
  return Buffer.concat([head, ...parts])
}

async function render(svg, sizes) {
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] })
  try {
    const page = await browser.newPage()
    const out = new Map()
    for (const size of sizes) {
      await page.setViewportSize({ width: size, height: size })
      const url = `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
      await page.setContent(`<style>html,body{margin:0;background:transparent}</style><img src="${url}" width="${size}" height="${size}">`)
      await page.locator('img').evaluate((img) => img.decode())
      out.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }))
    }
    return out
  } finally {
    await browser.close()
  }
}

async function main() {
  const svg = readFileSync(join(resources, 'icon.svg'), 'utf8')
  const pngs = await render(svg, LINUX_SIZES)
  mkdirSync(join(resources, 'icons'), { recursive: true })
  for (const [size, png] of pngs) writeFileSync(join(resources, 'icons', `${size}x${size}.png`), png)
  writeFileSync(join(resources, 'icon.png'), pngs.get(1024))
  writeFileSync(join(resources, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))))
  writeFileSync(join(resources, 'icon.icns'), icns(ICNS_TYPES.map(([type, size]) => ({ type, png: pngs.get(size) }))))
  console.log(`Icons written to ${resources}.`)
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) await main()
