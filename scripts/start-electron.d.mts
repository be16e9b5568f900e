// Types for start-electron.mjs, which stays plain JavaScript so `npm start` needs no build.
export function electronExecutable(electronDir: string, env?: NodeJS.ProcessEnv): string | null
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv
