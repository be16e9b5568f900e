#!/usr/bin/env node
// Enforces where code may run (ARCHITECTURE.md, "a thin shell"):
// - only src/main/shell/**, src/main/index.ts and src/preload/** touch Electron;
// - src/shared/** is portable: no Node builtins, no DOM globals, no imports from outside it;
// - src/renderer/** reaches the core through the bridge only: no src/main, no src/preload,
//   no Node builtins.
// Plain Node on purpose: it runs before anything is built or installed beyond Node.
import { readdirSync, readFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const SOURCE = /\.(?:[cm]?[jt]s|[jt]sx)$/

const ELECTRON_ALLOWED = [/^src\/main\/shell\//, /^src\/main\/index\.ts$/, /^src\/preload\//]

// electron-updater loads electron as soon as its autoUpdater is touched.
const isElectron = (spec) => /^electron(?:\/|$)/.test(spec) || spec === 'electron-updater'
const builtins = new Set(builtinModules)
const isNodeBuiltin = (spec) => spec.startsWith('node:') || builtins.has(spec) || builtins.has(spec.split('/')[0])

// After these words a `/` starts a regular expression, as after an operator.
const KEYWORDS_BEFORE_VALUE = new Set(['return', 'typeof', 'case', 'in', 'of', 'void', 'yield', 'await', 'delete', 'instanceof'])
const REGEX_MAY_FOLLOW = /[(,=:[!&|?{};+\-*%<>~^]/

/**
 * Blanks comments (and, with `strings`, string and regex contents) while
 * keeping every offset and newline, so a match's line number stays true and a
 * comment that mentions `require('electron')` is not an import. A `/` starts a
 * regular expression when no value precedes it: good enough for our sources.
 */
export function mask(source, { strings = false } = {}) {
  const out = source.split('')
  const blank = (from, to) => {
    for (let i = from; i < to; i++) if (out[i] !== '\n') out[i] = ' '
  }
  let i = 0
  let previous = '' // the last significant character, or '(' after a keyword
  while (i < source.length) {
    const c = source[i]
    const next = source[i + 1]
    if (c === '/' && next === '/') {
      const end = source.indexOf('\n', i)
      const stop = end === -1 ? source.length : end
      blank(i, stop)
      i = stop
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2)
      const stop = end === -1 ? source.length : end + 2
      blank(i, stop)
      i = stop
    } else if (c === '"' || c === "'" || c === '`') {
      let j = i + 1
      // Quotes end at the line's end (an apostrophe in JSX text must not swallow the file).
      while (j < source.length && source[j] !== c && (c === '`' || source[j] !== '\n')) j += source[j] === '\\' ? 2 : 1
      if (strings) blank(i + 1, j)
      i = j + 1
      previous = c
    } else if (c === '/' && (previous === '' || REGEX_MAY_FOLLOW.test(previous))) {
      let j = i + 1
      let inClass = false
      while (j < source.length && source[j] !== '\n' && (source[j] !== '/' || inClass)) {
        if (source[j] === '\\') j++
        else if (source[j] === '[') inClass = true
        else if (source[j] === ']') inClass = false
        j++
      }
      if (strings) blank(i + 1, j)
      i = j + 1
      previous = '/'
    } else if (/[\w$]/.test(c)) {
      let j = i
      while (j < source.length && /[\w$]/.test(source[j])) j++
      previous = KEYWORDS_BEFORE_VALUE.has(source.slice(i, j)) ? '(' : 'a'
      i = j
    } else {
      if (!/\s/.test(c)) previous = c
      i++
    }
  }
  return out.join('')
}

// Matched against the source with string contents blanked, so that text
// inside a string is never taken for an import; the literal (group 1) is then
// read back from the original at the same offsets.
const SPECIFIER_PATTERNS = [
  /\bfrom\s*(['"`][^'"`\n]*['"`])/dg, // import … from 'x', export … from 'x'
  /\bimport\s*(['"`][^'"`\n]*['"`])/dg, // import 'x'
  /\bimport\s*\(\s*(['"`][^'"`\n]*['"`])\s*[,)]/dg, // import('x')
  /\brequire\s*\(\s*(['"`][^'"`\n]*['"`])\s*\)/dg, // require('x')
]

/** Every module specifier in `source`, with its 1-based line. */
export function findSpecifiers(source) {
  const code = mask(source, { strings: true })
  const found = []
  for (const pattern of SPECIFIER_PATTERNS) {
    for (const match of code.matchAll(pattern)) {
      const [start, end] = match.indices[1]
      found.push({ spec: source.slice(start + 1, end - 1), line: lineAt(code, start) })
    }
  }
  return found.sort((a, b) => a.line - b.line)
}

const lineAt = (text, index) => text.slice(0, index).split('\n').length

// `window` and `document` as globals, not as a property (`frame.window`, `{ window: 1 }`).
const DOM_GLOBAL = /(?<!\.\s*)\b(?:window|document)\b(?!\s*\??\s*:(?!:))|\bglobalThis\s*\.\s*(?:window|document)\b/g

function* filesUnder(dir) {
  let entries
  try {
    entries = readdirSync(dir, { withFileTypes: true })
  } catch {
    return
  }
  for (const entry of entries) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) yield* filesUnder(path)
    else if (SOURCE.test(entry.name)) yield path
  }
}

/** Where a relative specifier lands, as a project-relative path with `/`. */
function target(root, file, spec) {
  if (!spec.startsWith('.')) return null
  return relative(root, resolve(dirname(file), spec)).split(sep).join('/')
}

const under = (path, folder) => path === folder || path.startsWith(`${folder}/`)

/** All violations under `root`/src, as { file, line, rule } with project-relative files. */
export function checkBoundaries(root) {
  const violations = []
  for (const file of filesUnder(join(root, 'src'))) {
    const rel = relative(root, file).split(sep).join('/')
    const source = readFileSync(file, 'utf8')
    const report = (line, rule) => violations.push({ file: rel, line, rule })

    const shared = under(rel, 'src/shared')
    const renderer = under(rel, 'src/renderer')
    for (const { spec, line } of findSpecifiers(source)) {
      const lands = target(root, file, spec)
      if (isElectron(spec) && !ELECTRON_ALLOWED.some((allowed) => allowed.test(rel))) {
        report(line, `imports '${spec}': only src/main/shell/**, src/main/index.ts and src/preload/** may use Electron`)
      }
      if (shared && isNodeBuiltin(spec)) report(line, `imports Node builtin '${spec}': src/shared must run anywhere`)
      if (shared && lands && !under(lands, 'src/shared')) {
        report(line, `imports '${spec}': src/shared depends on no other part of src`)
      }
      if (renderer && isNodeBuiltin(spec)) report(line, `imports Node builtin '${spec}': the renderer is a sandboxed web page`)
      if (renderer && lands && (under(lands, 'src/main') || under(lands, 'src/preload'))) {
        report(line, `imports '${spec}': the renderer reaches the core through the bridge only`)
      }
    }

    if (shared) {
      const code = mask(source, { strings: true })
      for (const match of code.matchAll(DOM_GLOBAL)) {
        report(lineAt(code, match.index), `uses '${match[0].trim()}': src/shared must not assume a DOM`)
      }
    }
  }
  return violations.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line)
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const root = fileURLToPath(new URL('..', import.meta.url))
  const violations = checkBoundaries(root)
  for (const { file, line, rule } of violations) console.error(`${file}:${line}: ${rule}`)
  if (violations.length > 0) {
    console.error(`\n${violations.length} boundary violation(s).`)
    process.exit(1)
  }
  console.log('Boundaries hold.')
}
