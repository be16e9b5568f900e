import { SERVICE_CATEGORIES, type ServiceCategory } from '../../../shared/domain'

// Infomaniak names a product's service with one of the 25 values of the
// published `service_name` enum; the app files products under fewer, broader
// categories. A name the app does not know (a service Infomaniak adds later)
// is filed as `other` and keeps its own name beside the category, so no
// product is ever dropped for its service.

/** Every value of the published enum, with the category it is filed under. */
export const PUBLISHED_SERVICES = {
  ai_tools: 'other',
  backup: 'swiss_backup',
  certificate: 'ssl',
  cloud: 'vps',
  cloud_hd: 'other',
  custom_url: 'other',
  dedicated_server: 'server',
  domain: 'domain',
  drive: 'kdrive',
  e_ticketing: 'other',
  email_hosting: 'mail',
  hosting: 'web_hosting',
  housing: 'server',
  invitation: 'other',
  jelastic: 'public_cloud',
  ksuite: 'ksuite',
  mailing: 'other',
  nas: 'server',
  public_cloud: 'public_cloud',
  radio: 'streaming',
  swiss_backup: 'swiss_backup',
  video: 'streaming',
  vod: 'streaming',
  web_hosting: 'web_hosting',
  website_builder: 'web_hosting',
} as const satisfies Record<string, ServiceCategory>

const published: ReadonlyMap<string, ServiceCategory> = new Map(Object.entries(PUBLISHED_SERVICES))
// The partner endpoints (and older caches) name products by the app's own categories.
const categories: ReadonlySet<string> = new Set(SERVICE_CATEGORIES)

export function categoryOf(serviceName: string): ServiceCategory {
  return published.get(serviceName) ?? (categories.has(serviceName) ? (serviceName as ServiceCategory) : 'other')
}
