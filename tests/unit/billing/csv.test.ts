// The export's hand-written quoting (csv.ts) against papaparse's unparse,
// which it replaced: the same text for any cells, with every preset's
// delimiter; and what it writes parses back to the same cells.
import fc from 'fast-check'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { csvField } from '../../../src/main/core/billing/export/csv'

const NEWLINE = '\r\n'
/** Characters that matter to the quoting, often, among any others. */
const cell = fc.oneof(
  fc.string({ unit: fc.constantFrom(';', ',', '\t', '"', '\r', '\n', '\ufeff', ' ', "'", '=', 'a', 'é') }),
  fc.string({ unit: 'grapheme' }),
)
const rows = fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 8 })

describe.each([';', ',', '\t'])('csvField with %j', (delimiter) => {
  const field = csvField(delimiter)
  const join = (data: string[][]) => data.map((row) => row.map(field).join(delimiter)).join(NEWLINE)

  it('writes what papaparse unparse writes', () => {
    fc.assert(
      fc.property(rows, (data) => {
        expect(join(data)).toBe(Papa.unparse(data, { delimiter, newline: NEWLINE, escapeFormulae: false }))
      }),
      { numRuns: 500, seed: 20261203 },
    )
  })

  it('is read back as the cells written', () => {
    fc.assert(
      fc.property(rows, (data) => {
        // A last cell on its own line, so a row of empty cells is not taken for an empty line.
        const written = data.map((row) => [...row, 'end'])
        expect(Papa.parse<string[]>(join(written), { delimiter, newline: NEWLINE }).data).toEqual(written)
      }),
      { numRuns: 500, seed: 20261203 },
    )
  })

  it('quotes a cell that starts or ends with a space and doubles its quotes', () => {
    expect([' a', 'a ', 'say "hi"', `x${delimiter}y`, 'plain'].map(field)).toEqual(['" a"', '"a "', '"say ""hi"""', `"x${delimiter}y"`, 'plain'])
  })
})
