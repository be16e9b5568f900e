// Types for make-icons.mjs.
export const LINUX_SIZES: number[]
export function ico(pngs: Array<{ size: number; png: Buffer }>): Buffer
export function icns(elements: Array<{ type: string; png: Buffer }>): Buffer
