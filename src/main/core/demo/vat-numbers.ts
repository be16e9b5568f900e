import {
  austria,
  belgium,
  checkVAT,
  type Country as JsvatCountry,
  france,
  germany,
  italy,
  luxembourg,
  switzerland,
} from 'jsvat'
import type { CountryCode, Language } from './countries'
import type { Random } from './random'

// VAT numbers that pass the same checksum the app validates with (jsvat):
// draw the number's body at random, then keep the first check part that jsvat
// accepts. The body comes from the seeded stream, so this stays deterministic.

interface VatScheme {
  jsvat: JsvatCountry
  /** Digits of the check part that is searched for. */
  checkLength: number
  body(random: Random): string
  format(body: string, check: string, language: Language): string
}

const SWISS_SUFFIX: Readonly<Record<Language, string>> = { de: 'MWST', fr: 'TVA', it: 'IVA' }

const SCHEMES: Readonly<Record<CountryCode, VatScheme>> = {
  // Swiss UID with VAT: CHE-123.456.789 MWST (TVA, IVA by language).
  CH: {
    jsvat: switzerland,
    checkLength: 1,
    body: (r) => String(r.int(1, 9)) + r.digits(7),
    format: (b, c, language) => `CHE-${b.slice(0, 3)}.${b.slice(3, 6)}.${b.slice(6, 8)}${c} ${SWISS_SUFFIX[language]}`,
  },
  DE: {
    jsvat: germany,
    checkLength: 1,
    body: (r) => String(r.int(1, 9)) + r.digits(7),
    format: (b, c) => `DE${b}${c}`,
  },
  // FR + two-digit key + SIREN.
  FR: {
    jsvat: france,
    checkLength: 2,
    body: (r) => String(r.int(3, 9)) + r.digits(8),
    format: (b, c) => `FR${c}${b}`,
  },
  AT: {
    jsvat: austria,
    checkLength: 1,
    body: (r) => r.digits(7),
    format: (b, c) => `ATU${b}${c}`,
  },
  // Seven digits, a provincial office (001–100), a check digit.
  IT: {
    jsvat: italy,
    checkLength: 1,
    body: (r) => String(r.int(1, 9)) + r.digits(6) + String(r.int(1, 100)).padStart(3, '0'),
    format: (b, c) => `IT${b}${c}`,
  },
  BE: {
    jsvat: belgium,
    checkLength: 2,
    body: (r) => '0' + String(r.int(4, 9)) + r.digits(6),
    format: (b, c) => `BE${b}${c}`,
  },
  LU: {
    jsvat: luxembourg,
    checkLength: 2,
    body: (r) => String(r.int(1, 9)) + r.digits(5),
    format: (b, c) => `LU${b}${c}`,
  },
}

/** A checksum-valid VAT number of `country`, not yet in `taken` (which it joins). */
export function drawVatNumber(random: Random, country: CountryCode, language: Language, taken: Set<string>): string {
  const scheme = SCHEMES[country]
  const checks = 10 ** scheme.checkLength
  for (;;) {
    const body = scheme.body(random)
    for (let check = 0; check < checks; check++) {
      const vat = scheme.format(body, String(check).padStart(scheme.checkLength, '0'), language)
      if (checkVAT(vat, [scheme.jsvat]).isValid && !taken.has(vat)) {
        taken.add(vat)
        return vat
      }
    }
  }
}
