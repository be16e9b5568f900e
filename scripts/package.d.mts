// Types for package.mjs, plain JavaScript like the other start-up scripts.
export function builderArgs(argv: string[], platform?: string): { args: string[]; error?: undefined } | { error: string; args?: undefined }
