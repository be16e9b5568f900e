// Our own formula-injection guard (OWASP "CSV Injection", ASVS V1.2.10):
// papaparse's escapeFormulae turns the text of a number such as `-12.50`
// into `'-12.50` (we never pass it numbers as text) and misses a cell whose
// later line starts with `=` (a line-based reader then sees a formula).
// So text cells get a `'` before a leading = + - @ tab CR LF or NUL, and
// before any later line that starts with one; number cells never pass here.

const LEADING = /^[=+\-@\t\r\n\0]/
const LATER_LINE = /(\r\n|\r|\n)(?=[=+\-@\t\0])/g

export function guardText(text: string): string {
  const inner = text.replace(LATER_LINE, "$1'")
  return LEADING.test(inner) ? `'${inner}` : inner
}
