/**
 * The camera for "Scanner un code QR": `getUserMedia` with the back camera, then every frame is
 * decoded — by the platform's `BarcodeDetector` when it reads QR codes, else by jsQR on the
 * frame drawn to a canvas — until `onCode` accepts one. `stop()` releases the camera.
 */
import jsQRModule from 'jsqr';

// jsqr is a CommonJS bundle typed as an ES module: its function is `.default` (which also
// points to itself at run time, so both interpretations of the default import meet here).
const jsQR = jsQRModule.default;

export type CameraProblem = 'denied' | 'missing' | 'failed';

export class CameraError extends Error {
  readonly problem: CameraProblem;
  constructor(problem: CameraProblem, options?: { cause?: unknown }) {
    super(`Camera ${problem}`, options);
    this.problem = problem;
  }
}

export interface QrScanner {
  stop(): void;
}

interface DetectedBarcode {
  rawValue: string;
}
interface BarcodeDetectorLike {
  detect(source: CanvasImageSource): Promise<DetectedBarcode[]>;
}
interface BarcodeDetectorClass {
  new (options: { formats: string[] }): BarcodeDetectorLike;
  getSupportedFormats(): Promise<string[]>;
}

/** Frames are scaled down to this width before jsQR: enough for a QR code on a screen, and fast. */
const maxDecodeWidth = 640;

export async function startQrScanner(options: {
  video: HTMLVideoElement;
  /** Return true to stop scanning (the code was the one we wanted). */
  onCode: (text: string) => boolean;
}): Promise<QrScanner> {
  const stream = await openCamera();
  const { video } = options;
  video.srcObject = stream;
  video.muted = true;
  video.playsInline = true;
  await video.play().catch(() => undefined);

  const detect = await frameDecoder();
  let stopped = false;
  let frame = 0;
  const stop = () => {
    stopped = true;
    cancelAnimationFrame(frame);
    for (const track of stream.getTracks()) track.stop();
    video.srcObject = null;
  };
  const tick = async () => {
    if (stopped) return;
    const text = video.readyState >= video.HAVE_CURRENT_DATA ? await detect(video) : undefined;
    if (stopped) return;
    if (text !== undefined && options.onCode(text)) {
      stop();
      return;
    }
    frame = requestAnimationFrame(() => void tick());
  };
  frame = requestAnimationFrame(() => void tick());
  return { stop };
}

async function openCamera(): Promise<MediaStream> {
  // No mediaDevices: an old browser, or a page not served over HTTPS (secure context required).
  if (!navigator.mediaDevices?.getUserMedia) throw new CameraError('missing');
  try {
    return await navigator.mediaDevices.getUserMedia({
      audio: false,
      video: { facingMode: 'environment', width: { ideal: 1280 }, height: { ideal: 720 } },
    });
  } catch (error) {
    const name = (error as DOMException).name;
    if (name === 'NotAllowedError' || name === 'SecurityError')
      throw new CameraError('denied', { cause: error });
    if (name === 'NotFoundError' || name === 'OverconstrainedError') {
      throw new CameraError('missing', { cause: error });
    }
    throw new CameraError('failed', { cause: error });
  }
}

/** BarcodeDetector where it reads QR codes (Android Chrome, Safari 17+ on some), jsQR elsewhere. */
async function frameDecoder(): Promise<(video: HTMLVideoElement) => Promise<string | undefined>> {
  const Detector = (globalThis as { BarcodeDetector?: BarcodeDetectorClass }).BarcodeDetector;
  const formats = Detector ? await Detector.getSupportedFormats().catch(() => []) : [];
  if (Detector && formats.includes('qr_code')) {
    const detector = new Detector({ formats: ['qr_code'] });
    return async (video) => {
      const [code] = await detector.detect(video).catch(() => []);
      return code?.rawValue;
    };
  }
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  return async (video) => {
    if (!context || video.videoWidth === 0) return undefined;
    const scale = Math.min(1, maxDecodeWidth / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const image = context.getImageData(0, 0, canvas.width, canvas.height);
    return jsQR(image.data, image.width, image.height, { inversionAttempts: 'dontInvert' })?.data;
  };
}
