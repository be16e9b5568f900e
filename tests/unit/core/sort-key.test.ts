import { describe, expect, it } from 'vitest'
import { sortKey } from '../../../src/main/core/db/sort-key'

describe('sortKey', () => {
  it('files accented names under their letter, whatever the case', () => {
    const names = ['Zürich Treuhand AG', 'électricité Montlink SA', 'Überacker Bäckerei GmbH', 'Alpdata AG', 'Ecole Sàrl']
    expect([...names].sort((a, b) => (sortKey(a) < sortKey(b) ? -1 : 1))).toEqual([
      'Alpdata AG',
      'Ecole Sàrl',
      'électricité Montlink SA',
      'Überacker Bäckerei GmbH',
      'Zürich Treuhand AG',
    ])
  })
})
