import { useId } from 'react'
import { useTranslation } from 'react-i18next'
import type { ClientProfile } from '../../../../../shared/contract'
import { useFormatters } from '../../../i18n/useFormatters'
import { eventSentence } from '../../activity/describeEvent'

/** The collaboration's changes detected by sync, newest first, worded as on Activity. */
export function TimelineSection({ profile, clientName }: { profile: ClientProfile; clientName: string }) {
  const { t } = useTranslation()
  const format = useFormatters()
  const headingId = useId()
  return (
    <section className="detail-section page-section" aria-labelledby={headingId} data-testid="client-timeline">
      <h2 id={headingId} className="subsection-title">
        {t('clientPage.timeline.title')}
      </h2>
      {profile.timeline.length === 0 ? (
        <p className="muted" data-testid="timeline-empty">
          {t('clientPage.timeline.empty', { date: format.date(profile.partnership.since) })}
        </p>
      ) : (
        <ol className="detail-list timeline">
          {profile.timeline.map((entry) => (
            <li key={entry.id} className="detail-item" data-testid="timeline-entry" data-kind={entry.kind}>
              <time dateTime={format.iso(entry.detectedAt)} className="muted">
                {format.dateTime(entry.detectedAt)}
              </time>{' '}
              {eventSentence(t, { ...entry, clientName })}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
