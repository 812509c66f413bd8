/**
 * The console's multipart reader (the logo's upload): it reads what a browser sends, and refuses
 * — never throws on, never loops over — anything else (G-38: a parser gets a fuzz target).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { multipartLogoForm } from '../../test/logo-fixture.ts';
import { parseMultipartForm } from './multipart-form.ts';

const type = 'multipart/form-data; boundary=b0undary';
const body = (text: string) => Buffer.from(text.replaceAll('\n', '\r\n'));

describe('parseMultipartForm', () => {
  it('reads the token and the file as a browser sends them', () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0xff, 0x0d]);
    const form = multipartLogoForm('le-jeton', { name: 'logo.png', type: 'image/png', bytes });
    const parsed = parseMultipartForm(form.body, form.contentType);
    expect(parsed?.csrf).toBe('le-jeton');
    expect(parsed?.logo).toEqual({ filename: 'logo.png', bytes });
  });

  it('reads a quoted boundary', () => {
    const parsed = parseMultipartForm(
      body('--b0undary\nContent-Disposition: form-data; name="csrf"\n\nx\n--b0undary--\n'),
      'multipart/form-data; boundary="b0undary"',
    );
    expect(parsed).toEqual({ csrf: 'x' });
  });

  it('refuses what it cannot read plainly', () => {
    const part = 'Content-Disposition: form-data; name="csrf"\n\nx\n';
    for (const [text, contentType] of [
      [`--b0undary\n${part}--b0undary--\n`, 'multipart/form-data'],
      [`preamble\n--b0undary\n${part}--b0undary--\n`, type],
      [`--b0undary\n${part}`, type],
      [`--b0undary\n${part}--b0undary\n${part}--b0undary--\n`, type],
      ['--b0undary\nContent-Disposition: form-data\n\nx\n--b0undary--\n', type],
    ] as const) {
      expect(parseMultipartForm(body(text), contentType), text).toBeUndefined();
    }
    const many = Array.from(
      { length: 12 },
      (_, i) => `--b0undary\nContent-Disposition: form-data; name="f${i}"\n\nx\n`,
    ).join('');
    expect(parseMultipartForm(body(`${many}--b0undary--\n`), type)).toBeUndefined();
  });

  it('never throws on arbitrary bodies', () => {
    const piece = fc.constantFrom(
      '--b0undary',
      '\r\n',
      '--',
      'Content-Disposition: form-data; name="csrf"',
      '; filename="a.png"',
      '\r\n\r\n',
      'x',
    );
    fc.assert(
      fc.property(fc.array(fc.oneof(piece, fc.string()), { maxLength: 30 }), (pieces) => {
        const parsed = parseMultipartForm(Buffer.from(pieces.join('')), type);
        expect(parsed === undefined || typeof parsed === 'object').toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});
