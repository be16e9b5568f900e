// The export's check reading a file in parts as it is written: parts cut
// anywhere (inside a quoted field holding line ends and quotes, inside a
// character of several bytes) read back as the same rows and totals.
import { createHash } from 'node:crypto'
import { statSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { ExportCheckFailed, FileCheck, type CheckPlan } from '../../../src/main/core/billing/export/check'
import { tempDir } from '../../paths'

const PLAN: CheckPlan = { format: { delimiter: ';', newline: '\r\n', decimal: ',', bom: true }, columns: { amount: 1, currency: 2, gross: false }, currency: null }
const FILE = [
  '\ufeffDescription;Net;Currency\r\n',
  '"Zürich · ""quoted""; and a line end\r\nthen =1+1";12,50;CHF\r\n',
  'Müller;-0,05;EUR\r\n',
  '"a;b";1000,00;CHF\r\n',
].join('')

function written(path: string, text: string) {
  writeFileSync(path, text)
  return { rows: 3, totals: [['CHF', 101_250], ['EUR', -5]] as Array<['CHF' | 'EUR', number]>, sha256: createHash('sha256').update(text).digest('hex') }
}

describe('the export check, part by part', () => {
  it.each([1, 2, 3, 5, 7, 64])('reads back the same rows and totals in parts of %i bytes', (step) => {
    const path = join(tempDir('export-check'), 'parts.csv')
    const expected = written(path, FILE)
    const check = new FileCheck(path, PLAN)
    const size = statSync(path).size
    for (let end = step; end < size + step; end += step) check.advance(Math.min(end, size))
    expect(() => check.finish(expected)).not.toThrow()
  })

  it('refuses a file whose rows or totals differ from what was written, naming what', () => {
    const path = join(tempDir('export-check'), 'short.csv')
    const expected = written(path, FILE)
    expect(() => new FileCheck(path, PLAN).finish({ ...expected, rows: 4 })).toThrow(new ExportCheckFailed('the file written reads back as 3 rows, not 4'))
    expect(() => new FileCheck(path, PLAN).finish({ ...expected, totals: [['CHF', 101_250]] })).toThrow(/EUR totals of -5 instead of 0/)
  })

  it('refuses a part changed after it was read: the whole file must still be the bytes written', () => {
    const path = join(tempDir('export-check'), 'changed.csv')
    const expected = written(path, FILE)
    const check = new FileCheck(path, PLAN)
    check.advance(statSync(path).size)
    writeFileSync(path, FILE.replace('Müller', 'Muller'))
    expect(() => check.finish(expected)).toThrow(/changed while it was checked/)
  })
})
