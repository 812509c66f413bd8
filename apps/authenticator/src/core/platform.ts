/** Which phone this is, from the user agent: the platform sent at activation and the default device name. */
import type { Platform } from '@sesame/contracts';

export function platformFromUserAgent(userAgent: string): Platform {
  // iPadOS 13+ says "Macintosh"; only iPhone and iPad are told apart here, which is what the server needs.
  if (/iPhone|iPad|iPod/.test(userAgent)) return 'ios';
  if (/Android/.test(userAgent)) return 'android';
  return 'other';
}

/** The device name prefilled on the "Terminé" screen: "iPhone", "Android", or the caller's fallback. */
export function defaultDeviceName(userAgent: string, fallback: string): string {
  if (/iPad/.test(userAgent)) return 'iPad';
  if (/iPhone|iPod/.test(userAgent)) return 'iPhone';
  if (/Android/.test(userAgent)) return 'Android';
  return fallback;
}
