import { describe, expect, it } from 'vitest';
import { initialSteps } from './app.tsx';

describe('the first screen, from the address the app opens at', () => {
  it('is the account list at /app/', () => {
    expect(initialSteps('https://id.example.com/app/')).toEqual({
      steps: [{ name: 'accounts' }],
      linkInvalid: false,
    });
  });

  it('is the confirmation when opened from the QR code’s link', () => {
    const { steps } = initialSteps(
      'https://id.example.com/app/activate#token=q1w2e3r4t5y6u7i8o9p0aZ',
    );
    expect(steps).toEqual([
      { name: 'accounts' },
      {
        name: 'confirm',
        pending: { issuer: 'https://id.example.com', token: 'q1w2e3r4t5y6u7i8o9p0aZ' },
      },
    ]);
  });

  it('says so when the link is broken', () => {
    expect(initialSteps('https://id.example.com/app/activate#token=')).toEqual({
      steps: [{ name: 'accounts' }],
      linkInvalid: true,
    });
  });
});
