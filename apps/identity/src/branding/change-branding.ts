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
import { brandingKeys, forgetBranding, logoValues, writeBranding } from './branding-settings.ts';
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
  forgetBranding();
}

function checkChange(change: BrandingChange): {
  values: Values;
  type: AuditEventType;
  reason: string;
} {
  switch (change.kind) {
    case 'name': {
      const name = change.name.replace(/\s+/g, ' ').trim();
      // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point.
      if (name.length > maxOrganizationNameLength || /[\u0000-\u001f\u007f]/.test(change.name))
        throw new AppError('branding.name_invalid');
      return { values: { [brandingKeys.name]: name }, type: 'org.name_changed', reason: name };
    }
    case 'logo': {
      if (change.bytes === null) {
        const values = { [brandingKeys.logoMeta]: '', [brandingKeys.logoData]: '' };
        return { values, type: 'org.logo_changed', reason: 'removed' };
      }
      if (change.bytes.length > maxLogoBytes) throw new AppError('branding.logo_too_large');
      const type = sniffLogoType(change.bytes);
      if (type === undefined) throw new AppError('branding.logo_type');
      const values = logoValues(type, change.bytes);
      return { values, type: 'org.logo_changed', reason: values[brandingKeys.logoMeta] };
    }
    case 'accent': {
      if (change.colour === null || change.colour.trim() === '')
        return {
          values: { [brandingKeys.accent]: '' },
          type: 'org.accent_changed',
          reason: 'default',
        };
      const colour = parseHexColour(change.colour);
      if (colour === undefined) throw new AppError('branding.colour_invalid');
      if (contrastWithWhite(colour) < minimumContrast)
        throw new AppError('branding.colour_contrast');
      return {
        values: { [brandingKeys.accent]: colour },
        type: 'org.accent_changed',
        reason: colour,
      };
    }
    case 'support': {
      const email = checkSupportField('email', change.contact.email);
      if (email === undefined) throw new AppError('branding.support_email_invalid');
      const phone = checkSupportField('phone', change.contact.phone);
      if (phone === undefined) throw new AppError('branding.support_phone_invalid');
      const url = checkSupportField('url', change.contact.url);
      if (url === undefined) throw new AppError('branding.support_url_invalid');
      const values = {
        [brandingKeys.supportEmail]: email,
        [brandingKeys.supportPhone]: phone,
        [brandingKeys.supportUrl]: url,
      };
      const set = Object.entries({ email, phone, url }).filter(([, value]) => value !== '');
      const reason = set.map(([field]) => field).join(',') || 'none';
      return { values, type: 'org.support_changed', reason };
    }
  }
}
