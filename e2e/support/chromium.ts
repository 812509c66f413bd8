/**
 * The browser of every test, desktop and phone: Debian's Chromium (`npx playwright install`
 * cannot run here), quiet — no sandbox (containers), no GPU, no background traffic.
 */
export const chromiumExecutablePath = '/usr/bin/chromium';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * The phone's camera: Chromium's fake capture device, allowed without a prompt, playing `clip`
 * (fixed for the browser's whole life: one launch per clip).
 */
export function fakeCameraArgs(clip: string): string[] {
  return [
    '--use-fake-device-for-media-stream',
    '--use-fake-ui-for-media-stream',
    `--use-file-for-fake-video-capture=${clip}`,
  ];
}
