/**
 * A reading of a cell's text, remembered by the text: a million-line file
 * repeats a handful of types, rates and currencies and a few thousand client
 * names, and normalising each (NFD plus regular expressions) was a tenth of
 * the import's time. Forgets everything past `limit` texts.
 */
export function memoized<T>(read: (text: string) => T, limit = 50_000): (text: string) => T {
  const known = new Map<string, T>()
  return (text) => {
    let value = known.get(text)
    if (value === undefined && !known.has(text)) {
      value = read(text)
      if (known.size >= limit) known.clear()
      known.set(text, value)
    }
    return value as T
  }
}
