// Types for check-boundaries.mjs, which stays plain JavaScript so it runs before any build.
export interface Violation {
  /** Project-relative, with `/`. */
  file: string
  line: number
  rule: string
}
export function mask(source: string, options?: { strings?: boolean }): string
export function findSpecifiers(source: string): Array<{ spec: string; line: number }>
export function checkBoundaries(root: string): Violation[]
