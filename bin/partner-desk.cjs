#!/usr/bin/env node
// The CLI runs the built core (out/main): the same bundle the app ships.
const { existsSync } = require('node:fs')
const { join } = require('node:path')

const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  console.error('partner-desk: not built yet; run `npm run build` in the project first')
  process.exit(1)
}
require(cli)
