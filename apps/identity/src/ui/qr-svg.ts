/** A QR code as an SVG string (server side, no script): quiet zone of 2 modules, level M. */
export async function qrSvg(text: string): Promise<string> {
  // Loaded at the first QR code, not at start-up (bench/README.md, start-up).
  const { default: QRCode } = await import('qrcode');
  return QRCode.toString(text, {
    type: 'svg',
    margin: 2,
    errorCorrectionLevel: 'M',
    color: { dark: '#0b2545', light: '#ffffff' },
  });
}
