/**
 * The phone's camera: Chromium's fake capture device plays a clip
 * (`--use-file-for-fake-video-capture=<clip>`). The clip is made here from a text — the
 * activation link of the desktop's QR page: 640×480 YUV4MPEG2 (C420jpeg), a second of grey frames (the camera before it
 * points at the screen), then the QR code, dark grey on light grey, in the middle of the frame.
 * Chromium loops the clip, so the app keeps seeing the code until it decodes it.
 */
import { writeFile } from 'node:fs/promises';
import QRCode from 'qrcode';

const width = 640;
const height = 480;
const framesPerSecond = 10;
const greyFrames = 10;
const qrFrames = 20;
/** Side of the QR code with its quiet zone, in pixels: about half the frame's height. */
const qrSidePixels = 320;
const quietZoneModules = 4;

export async function writeQrClip(path: string, text: string): Promise<void> {
  const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const modules = qr.modules.size;
  const scale = Math.floor(qrSidePixels / (modules + 2 * quietZoneModules));
  const side = (modules + 2 * quietZoneModules) * scale;
  const left = Math.floor((width - side) / 2);
  const top = Math.floor((height - side) / 2);

  // Luma plane: mid-grey everywhere, the code's light and dark modules in the middle.
  const grey = Buffer.alloc(width * height, 128);
  const withQr = Buffer.alloc(width * height, 128);
  for (let y = 0; y < side; y += 1) {
    for (let x = 0; x < side; x += 1) {
      const row = Math.floor(y / scale) - quietZoneModules;
      const col = Math.floor(x / scale) - quietZoneModules;
      const inside = row >= 0 && col >= 0 && row < modules && col < modules;
      const dark = inside && qr.modules.get(row, col) === 1;
      withQr[(top + y) * width + left + x] = dark ? 20 : 235;
    }
  }
  // Both chroma planes (4:2:0, a quarter of the luma each) neutral: a grey-scale picture.
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);

  const parts: Buffer[] = [
    Buffer.from(`YUV4MPEG2 W${width} H${height} F${framesPerSecond}:1 Ip A1:1 C420jpeg\n`),
  ];
  for (let frame = 0; frame < greyFrames + qrFrames; frame += 1) {
    parts.push(Buffer.from('FRAME\n'), frame < greyFrames ? grey : withQr, chroma);
  }
  await writeFile(path, Buffer.concat(parts));
}
