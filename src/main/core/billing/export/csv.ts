// The quoting step of papaparse's unparse, by hand: joining a million lines
// through unparse cost more than the rest of the export (arrays of arrays per
// chunk, then a pass over every cell for options we never use), and the rule
// itself is short. Same rule as unparse with `quotes: false`: a field is
// quoted when it holds the delimiter, a quote, CR, LF or a BOM, or starts or
// ends with a space; a quote inside is doubled (tests/unit/billing/csv.test.ts
// holds the two to the same output).

export type Field = (text: string) => string

export function csvField(delimiter: string): Field {
  const needsQuotes = new RegExp(`[\\r\\n"\\ufeff${delimiter.replace(/[\\\]^-]/g, '\\$&')}]|^ | $`)
  return (text) => (needsQuotes.test(text) ? `"${text.replace(/"/g, '""')}"` : text)
}
