/**
 * Reads a QR code the way a phone's camera would, from what the page draws: the page's SVG is
 * rasterised on a canvas in the browser, and jsQR decodes the pixels here.
 */
import type { Locator } from '@playwright/test';
import jsQRModule from 'jsqr';

// jsqr is a CommonJS bundle typed as an ES module: depending on the loader (Node's ESM or
// Playwright's transform), its function is the default import itself or that import's `.default`.
type Decode = typeof jsQRModule.default;
const jsQR: Decode = typeof jsQRModule === 'function' ? (jsQRModule as Decode) : jsQRModule.default;

const side = 320;

/** The text of the QR code drawn by `svg` (an `<svg>` element), or undefined if unreadable. */
export async function decodeQrSvg(svg: Locator): Promise<string | undefined> {
  const pixels = await svg.evaluate(async (element, size) => {
    const copy = element.cloneNode(true) as SVGSVGElement;
    copy.setAttribute('width', String(size));
    copy.setAttribute('height', String(size));
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    const image = new Image();
    image.src = `data:image/svg+xml;base64,${btoa(new XMLSerializer().serializeToString(copy))}`;
    await image.decode();
    const canvas = document.createElement('canvas');
    canvas.width = size;
    canvas.height = size;
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.fillStyle = '#ffffff';
    context.fillRect(0, 0, size, size);
    context.drawImage(image, 0, 0, size, size);
    return Array.from(context.getImageData(0, 0, size, size).data);
  }, side);
  return jsQR(Uint8ClampedArray.from(pixels), side, side)?.data;
}
