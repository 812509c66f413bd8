/**
 * The organization's branding while a page renders: `sendPage` provides the request's (read by
 * `brandingPlugin`), the layout and the support notes read it, so that no page passes it along.
 */
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';
import { type Branding, noBranding } from './branding-settings.ts';

export const BrandingContext = createContext<Branding>(noBranding);

export function useBranding(): Branding {
  return useContext(BrandingContext);
}

/** Where the pages find the logo: a fixed path, its version in the query (cached for good). */
export function logoPath(logo: NonNullable<Branding['logo']>): string {
  return `/branding/logo?v=${logo.hash}`;
}

/** The stylesheet that sets `--accent` (the CSP allows no inline style). */
export function themePath(accent: string): string {
  return `/branding/theme.css?v=${accent.slice(1)}`;
}
