/**
 * Draws the Sesame Verify icon (a shield with a keyhole on Sesame navy) and rasterizes it once
 * with the system Chromium into public/icons/. Run again only to change the icon:
 *   npx tsx apps/authenticator/scripts/render-icons.ts
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const iconsDir = join(import.meta.dirname, '..', 'public', 'icons');

/** `inset`: the share of the side the shield's box takes (maskable icons keep a safe zone). */
function iconSvg(options: { rounded: boolean; inset: number }): string {
  const scale = options.inset;
  const offset = (512 - 512 * scale) / 2;
  const radius = options.rounded ? 112 : 0;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512" width="512" height="512">
  <title>Sesame Verify</title>
  <defs>
    <linearGradient id="bg" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="#0f2f57"/>
      <stop offset="1" stop-color="#0b2545"/>
    </linearGradient>
  </defs>
  <rect width="512" height="512" rx="${radius}" fill="url(#bg)"/>
  <g transform="translate(${offset} ${offset}) scale(${scale})">
    <path d="M256 64 L416 124 V244 C416 350 348 426 256 456 C164 426 96 350 96 244 V124 Z" fill="#ffffff"/>
    <path d="M256 64 L416 124 V244 C416 350 348 426 256 456 Z" fill="#e6eef8"/>
    <circle cx="256" cy="222" r="46" fill="#0b5cad"/>
    <path d="M232 252 H280 L296 352 H216 Z" fill="#0b5cad"/>
  </g>
</svg>
`;
}

const renders = [
  { file: 'icon-192.png', size: 192, rounded: true, inset: 0.86 },
  { file: 'icon-512.png', size: 512, rounded: true, inset: 0.86 },
  // Maskable: the platform cuts its own shape; keep the shield inside the 80% safe circle.
  { file: 'icon-maskable-512.png', size: 512, rounded: false, inset: 0.62 },
  // iOS rounds the corners itself and wants no transparency.
  { file: 'apple-touch-icon-180.png', size: 180, rounded: false, inset: 0.78 },
];

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
});
try {
  await writeFile(join(iconsDir, 'icon.svg'), iconSvg({ rounded: true, inset: 0.86 }));
  for (const render of renders) {
    const page = await browser.newPage({ viewport: { width: render.size, height: render.size } });
    const svg = iconSvg(render).replace(
      'width="512" height="512"',
      `width="${render.size}" height="${render.size}"`,
    );
    await page.setContent(
      `<html><body style="margin:0;background:transparent">${svg}</body></html>`,
    );
    await page.screenshot({
      path: join(iconsDir, render.file),
      omitBackground: true,
      clip: { x: 0, y: 0, width: render.size, height: render.size },
    });
    await page.close();
  }
} finally {
  await browser.close();
}
