import type { TFunction } from 'i18next'
import type { ImportField, ImportProblem } from '../../../../../shared/billing-import'
import { IMPORT_FIELDS } from '../../../../../shared/billing-import'

/** A problem of the file in the UI's language: where (line, column, value), then what. */
export function problemText(t: TFunction, { code, line, column, value }: ImportProblem): string {
  const field = (IMPORT_FIELDS as readonly string[]).includes(column) ? t(`imports.fields.${column as ImportField}`) : column
  switch (code) {
    case 'missing_field':
      return t('imports.problems.missing_field', { field })
    case 'unknown_header':
      return t('imports.problems.unknown_header', { field, value })
    case 'not_csv':
    case 'no_rows':
    case 'no_type':
    case 'changed':
      return t(`imports.problems.${code}`)
    default: {
      const what = t(`imports.problems.${code}`)
      if (line === 0) return what
      return column === '' ? t('imports.atLine', { line, what }) : t('imports.atCell', { line, column, value, what })
    }
  }
}
