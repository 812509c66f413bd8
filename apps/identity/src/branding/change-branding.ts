/**
 * Change the organization's branding — its name, logo, accent colour or support contact — from
 * the console or the CLI: checked first (a coded error, nothing stored), then the change and its
 * audit record naming the actor, in one transaction.
 */
import type { Actor } from '../accounts/operations/actor.ts';
import {
  type OperationDeps,
  type OperationOrigin,
  runOperation,
} from '../accounts/operations/operation-deps.ts';
import type { AuditEventType } from '../audit/record-audit-event.ts';
import { AppError } from '../errors.ts';
import { contrastWithWhite, minimumContrast, parseHexColour } from './accent-colour.ts';
import { brandingKeys, logoValues, writeBranding } from './branding-settings.ts';
import { maxLogoBytes, sniffLogoType } from './logo-image.ts';
import { checkSupportField, type SupportContact } from './support-contact.ts';

export const maxOrganizationNameLength = 80;

/** What changes; `null` or '' puts the default back. */
export type BrandingChange =
  | { kind: 'name'; name: string }
  | { kind: 'logo'; bytes: Uint8Array | null }
  | { kind: 'accent'; colour: string | null }
  | { kind: 'support'; contact: Required<SupportContact> };

type Values = Parameters<typeof writeBranding>[1];

export async function changeBranding(
  deps: OperationDeps,
  actor: Actor,
  change: BrandingChange,
  origin: OperationOrigin = {},
): Promise<void> {
  const { values, type, reason } = checkChange(change);
  await runOperation(deps, actor, { ...origin, type, reason }, (trx) => writeBranding(trx, values));
}

interface Checked {
  values: Values;
  type: AuditEventType;
  reason: string;
}

/** Each kind's check: what to store and audit, or a coded error. */
const checks: {
  [K in BrandingChange['kind']]: (change: Extract<BrandingChange, { kind: K }>) => Checked;
} = {
  name: ({ name: typed }) => {
    const name = typed.replace(/\s+/g, ' ').trim();
    // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
    if (name.length > maxOrganizationNameLength || /[\u0000-\u001f\u007f]/.test(typed))
      throw new AppError('branding.name_invalid');
    return { values: { [brandingKeys.name]: name }, type: 'org.name_changed', reason: name };
  },
  logo: ({ bytes }) => {
    if (bytes === null) {
      const values = { [brandingKeys.logoMeta]: '', [brandingKeys.logoData]: '' };
      return { values, type: 'org.logo_changed', reason: 'removed' };
    }
    if (bytes.length > maxLogoBytes) throw new AppError('branding.logo_too_large');
    const type = sniffLogoType(bytes);
    if (type === undefined) throw new AppError('branding.logo_type');
    const values = logoValues(type, bytes);
    return { values, type: 'org.logo_changed', reason: values[brandingKeys.logoMeta] };
  },
  accent: ({ colour: typed }) => {
    const type = 'org.accent_changed';
    if (typed === null || typed.trim() === '')
      return { values: { [brandingKeys.accent]: '' }, type, reason: 'default' };
    const colour = parseHexColour(typed);
    if (colour === undefined) throw new AppError('branding.colour_invalid');
    if (contrastWithWhite(colour) < minimumContrast) throw new AppError('branding.colour_contrast');
    return { values: { [brandingKeys.accent]: colour }, type, reason: colour };
  },
  support: ({ contact }) => {
    const email = checkSupportField('email', contact.email);
    if (email === undefined) throw new AppError('branding.support_email_invalid');
    const phone = checkSupportField('phone', contact.phone);
    if (phone === undefined) throw new AppError('branding.support_phone_invalid');
    const url = checkSupportField('url', contact.url);
    if (url === undefined) throw new AppError('branding.support_url_invalid');
    const values = {
      [brandingKeys.supportEmail]: email,
      [brandingKeys.supportPhone]: phone,
      [brandingKeys.supportUrl]: url,
    };
    const set = Object.entries({ email, phone, url }).filter(([, value]) => value !== '');
    return {
      values,
      type: 'org.support_changed',
      reason: set.map(([field]) => field).join(',') || 'none',
    };
  },
};

function checkChange(change: BrandingChange): Checked {
  return (checks[change.kind] as (change: BrandingChange) => Checked)(change);
}
