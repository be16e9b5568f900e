/**
 * Turns what a user types into an FTS5 MATCH expression: every word must
 * match, the last one as a prefix (search as you type). Each word is quoted,
 * so FTS5 operators and punctuation in user input are taken literally.
 * Control characters separate words: FTS5's parser reads its query as a C
 * string, and a NUL inside a quoted word leaves it "unterminated".
 * Returns null when nothing searchable is left.
 */
export function toFtsQuery(input: string): string | null {
  const words = input
    .normalize('NFC')
    .split(/[\s\p{Cc}]+/u)
    .map((word) => word.replace(/"/g, ''))
    .filter((word) => /[\p{L}\p{N}]/u.test(word))
  if (words.length === 0) return null
  return words.map((word, i) => `"${word}"${i === words.length - 1 ? '*' : ''}`).join(' ')
}
