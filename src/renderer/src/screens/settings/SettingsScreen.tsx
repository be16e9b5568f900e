import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { LANGUAGE_CHOICES, THEMES, type Language, type LanguageChoice, type Settings, type Theme } from '../../../../shared/settings'
import type { AppError } from '../../../../shared/result'
import { InlineError } from '../../components/InlineError'
import { AccountsSection } from './AccountsSection'
import { CacheSection } from './CacheSection'
import { DataSourcesSection } from './DataSourcesSection'

const THEME_LABELS = {
  system: 'settings.themeSystem',
  light: 'settings.themeLight',
  dark: 'settings.themeDark',
} as const satisfies Record<Theme, string>

// Not translated: whoever lands in a language they cannot read still finds their own.
const LANGUAGE_NAMES = {
  en: 'English',
  fr: 'Français',
  de: 'Deutsch',
  it: 'Italiano',
  es: 'Español',
} as const satisfies Record<Language, string>

interface SettingsScreenProps {
  settings: Settings
  onChange(patch: Partial<Settings>): Promise<AppError | null>
  /** Bumped to bring the "Add an account" form into view with focus. */
  focusAddAccount: number
}

export function SettingsScreen({ settings, onChange, focusAddAccount }: SettingsScreenProps) {
  const { t } = useTranslation()
  const [saveError, setSaveError] = useState<AppError | null>(null)
  const languageId = useId()

  const change = async (patch: Partial<Settings>): Promise<void> => {
    setSaveError(null)
    setSaveError(await onChange(patch))
  }

  return (
    <section className="screen screen-narrow" aria-labelledby="settings-title" data-testid="screen-settings">
      <h1 id="settings-title" className="screen-title" tabIndex={-1}>
        {t('settings.title')}
      </h1>

      <div className="settings-group">
        <h2 className="section-title">{t('settings.appearance')}</h2>
        <fieldset className="radio-group">
          <legend>{t('settings.theme')}</legend>
          {THEMES.map((theme) => (
            <label key={theme} className="radio">
              <input
                type="radio"
                name="theme"
                value={theme}
                checked={settings.theme === theme}
                onChange={() => void change({ theme })}
                data-testid={`theme-${theme}`}
              />
              {t(THEME_LABELS[theme])}
            </label>
          ))}
        </fieldset>

        <div className="field">
          <label htmlFor={languageId}>{t('settings.language')}</label>
          <select
            id={languageId}
            className="select"
            value={settings.language}
            onChange={(event) => void change({ language: event.target.value as LanguageChoice })}
            data-testid="language-select"
          >
            {LANGUAGE_CHOICES.map((choice) =>
              choice === 'system' ? (
                <option key={choice} value={choice}>
                  {t('settings.languageSystem')}
                </option>
              ) : (
                <option key={choice} value={choice} lang={choice}>
                  {LANGUAGE_NAMES[choice]}
                </option>
              ),
            )}
          </select>
        </div>
        {saveError && <InlineError message={t('settings.saveError', { message: saveError.message })} />}
      </div>

      <AccountsSection focusAdd={focusAddAccount} />
      <DataSourcesSection />

      <CacheSection />
    </section>
  )
}
