/**
 * What an uploaded logo may be: PNG, JPEG or WebP, told by its first bytes (never by its name or
 * the type the browser claims), at most `maxLogoBytes`. No SVG: it is a document that can carry
 * script, not an image.
 */

export const maxLogoBytes = 256 * 1024;

export type LogoType = 'image/png' | 'image/jpeg' | 'image/webp';

const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const jpeg = [0xff, 0xd8, 0xff];

/** The image type its magic bytes say, or undefined for anything else (SVG, text, GIF…). */
export function sniffLogoType(bytes: Uint8Array): LogoType | undefined {
  if (startsWith(bytes, png)) return 'image/png';
  if (startsWith(bytes, jpeg)) return 'image/jpeg';
  // RIFF <size> WEBP
  if (ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 12) === 'WEBP') return 'image/webp';
  return undefined;
}

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return bytes.length > prefix.length && prefix.every((byte, i) => bytes[i] === byte);
}

function ascii(bytes: Uint8Array, from: number, to: number): string {
  return bytes.length < to ? '' : String.fromCharCode(...bytes.subarray(from, to));
}
