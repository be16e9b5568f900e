// A VAT number checked against the format (and check digits) of its
// organization's country, with jsvat: the rules of 30-odd countries are a
// library's job, not ours.
import { checkVAT, countries } from 'jsvat'
import type { VatCheck } from '../../../shared/contract'

export function checkVatNumber(vat: string | null, country: string | null): VatCheck {
  if (vat === null || vat.trim() === '') return { state: 'none' }
  // Swiss numbers are printed "CHE-123.456.789 MWST": jsvat wants the bare UID.
  const bare = vat.replace(/\s*(MWST|TVA|IVA)$/i, '')
  const result = checkVAT(bare, countries)
  const found = result.country?.isoCode.short ?? null
  if (!result.isSupportedCountry || found === null) return { state: 'unsupported' }
  if (!result.isValid) return { state: 'invalid', country: found }
  if (country !== null && found !== country.toUpperCase()) return { state: 'other_country', country: found, expected: country.toUpperCase() }
  return { state: 'valid', country: found }
}
