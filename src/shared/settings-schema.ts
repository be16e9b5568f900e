import { z } from 'zod'
import { LANGUAGE_CHOICES, THEMES, type Settings } from './settings'

/** User settings, stored one key per row; each key validated on read and write. */
export const settingsSchema = z.object({
  theme: z.enum(THEMES),
  language: z.enum(LANGUAGE_CHOICES),
}) satisfies z.ZodType<Settings>
