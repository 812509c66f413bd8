import { describe, expect, it } from 'vitest';
import { defaultDeviceName, platformFromUserAgent } from './platform.ts';

const iPhone =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1';
const pixel =
  'Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36';
const desktop =
  'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Safari/537.36';

describe('platform', () => {
  it('tells iPhone and Android apart, for the activation and the default device name', () => {
    expect(platformFromUserAgent(iPhone)).toBe('ios');
    expect(platformFromUserAgent(pixel)).toBe('android');
    expect(platformFromUserAgent(desktop)).toBe('other');
    expect(defaultDeviceName(iPhone, 'Mon téléphone')).toBe('iPhone');
    expect(defaultDeviceName(pixel, 'Mon téléphone')).toBe('Android');
    expect(defaultDeviceName(desktop, 'Mon téléphone')).toBe('Mon téléphone');
  });
});
