// Worker, CLI and browser tests run the built app (out/), exactly what ships.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'

export default function setup(): void {
  const missing = ['out/main/worker.js', 'out/main/integrity.js', 'out/main/history.js', 'out/main/export-check.js', 'out/main/cli.js', 'out/renderer/index.html'].filter(
    (file) => !existsSync(resolve(file)),
  )
  if (missing.length > 0) {
    throw new Error(`the app is not built (missing ${missing.join(', ')}): run \`npm run build\` first (\`npm test\` does)`)
  }
}
