/**
 * The organization's branding (issue 9, "the organization"), stored like its other settings in
 * `org_settings`: its name, its logo (the bytes apart from what the pages read), its accent
 * colour, its support contact. Unset is the default: the pages look as they always did.
 *
 * Every page reads it through the organization's settings kept in memory (db/org-settings.ts):
 * a change made here is seen at the next page, one made by another process within a second.
 */
import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.ts';
import { readOrgSettings, writeOrgSetting } from '../db/org-settings.ts';
import type { LogoType } from './logo-image.ts';
import type { SupportContact } from './support-contact.ts';

export interface Branding {
  name?: string;
  /** The logo's type and the start of its SHA-256 (its URL's version and its ETag). */
  logo?: { type: LogoType; hash: string };
  /** `#rrggbb`, checked against white (accent-colour.ts). */
  accent?: string;
  support: SupportContact;
}

export const brandingKeys = {
  name: 'org_name',
  logoMeta: 'org_logo_meta',
  logoData: 'org_logo_data',
  accent: 'accent_colour',
  supportEmail: 'support_email',
  supportPhone: 'support_phone',
  supportUrl: 'support_url',
} as const;

type BrandingKey = (typeof brandingKeys)[keyof typeof brandingKeys];

export const noBranding: Branding = Object.freeze({ support: Object.freeze({}) });

/** The branding made from each settings read once, not again at every page. */
const madeFrom = new WeakMap<ReadonlyMap<string, string>, Branding>();

export async function readBranding(db: Kysely<Database>): Promise<Branding> {
  const settings = await readOrgSettings(db);
  const made = madeFrom.get(settings);
  if (made !== undefined) return made;
  const branding = brandingOf(settings);
  madeFrom.set(settings, branding);
  return branding;
}

function brandingOf(value: ReadonlyMap<string, string>): Branding {
  const [type, hash] = (value.get(brandingKeys.logoMeta) ?? '').split(' ');
  const support: SupportContact = {
    ...optional('email', value.get(brandingKeys.supportEmail)),
    ...optional('phone', value.get(brandingKeys.supportPhone)),
    ...optional('url', value.get(brandingKeys.supportUrl)),
  };
  return {
    ...optional('name', value.get(brandingKeys.name)),
    ...(type && hash ? { logo: { type: type as LogoType, hash } } : {}),
    ...optional('accent', value.get(brandingKeys.accent)),
    support,
  };
}

function optional<K extends string>(key: K, value: string | undefined) {
  return value ? ({ [key]: value } as Record<K, string>) : {};
}

/** The logo's bytes and type, for `GET /branding/logo`. */
export async function readLogo(
  db: Kysely<Database>,
): Promise<{ type: LogoType; hash: string; bytes: Buffer } | undefined> {
  const rows = await db
    .selectFrom('org_settings')
    .select(['key', 'value'])
    .where('key', 'in', [brandingKeys.logoMeta, brandingKeys.logoData])
    .execute();
  const meta = rows.find((row) => row.key === brandingKeys.logoMeta)?.value;
  const data = rows.find((row) => row.key === brandingKeys.logoData)?.value;
  if (meta === undefined || data === undefined) return undefined;
  const [type, hash] = meta.split(' ') as [LogoType, string];
  return { type, hash, bytes: Buffer.from(data, 'base64') };
}

/** What a logo's meta row says: its type and the first 16 hex digits of its SHA-256. */
export function logoValues(type: LogoType, bytes: Uint8Array): Record<BrandingKey, string> {
  const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 16);
  return {
    [brandingKeys.logoMeta]: `${type} ${hash}`,
    [brandingKeys.logoData]: Buffer.from(bytes).toString('base64'),
  } as Record<BrandingKey, string>;
}

/** Set these settings; '' removes one. */
export async function writeBranding(
  db: Kysely<Database>,
  values: Partial<Record<BrandingKey, string>>,
): Promise<void> {
  for (const [key, value] of Object.entries(values))
    await writeOrgSetting(db, key, value === '' ? undefined : value);
}
