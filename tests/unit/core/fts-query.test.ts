import { describe, expect, it } from 'vitest'
import { toFtsQuery } from '../../../src/main/core/search/fts-query'

describe('toFtsQuery', () => {
  it('makes every word required and the last one a prefix', () => {
    expect(toFtsQuery('  web  hosti ')).toBe('"web" "hosti"*')
  })

  it('takes FTS5 syntax in user input literally', () => {
    expect(toFtsQuery('a OR b NEAR(c')).toBe('"a" "OR" "b" "NEAR(c"*')
    expect(toFtsQuery('"quoted')).toBe('"quoted"*')
  })

  it('takes control characters, NUL included, as spaces between words', () => {
    expect(toFtsQuery('a\u0000b')).toBe('"a" "b"*')
    expect(toFtsQuery('\u0000web\u001f\u007f')).toBe('"web"*')
  })

  it('returns null when nothing searchable is left', () => {
    expect(toFtsQuery('  "" - * ')).toBeNull()
  })
})
