/** The accent colour's checks: WCAG contrast against white, computed as WCAG 2.x defines it. */
import { describe, expect, it } from 'vitest';
import { contrastWithWhite, darkerShade, parseHexColour } from './accent-colour.ts';

describe('the accent colour', () => {
  it('reads #rrggbb only, in either case', () => {
    expect(parseHexColour(' #0B5CAD ')).toBe('#0b5cad');
    for (const text of ['0b5cad', '#fff', '#0b5cad0', 'blue', '#gggggg']) {
      expect(parseHexColour(text), text).toBeUndefined();
    }
  });

  it('measures contrast with white as WCAG does', () => {
    expect(contrastWithWhite('#000000')).toBeCloseTo(21, 5);
    expect(contrastWithWhite('#ffffff')).toBeCloseTo(1, 5);
    // The well-known threshold pair: #767676 passes AA (4.54:1), #777777 does not (4.48:1).
    expect(contrastWithWhite('#767676')).toBeGreaterThanOrEqual(4.5);
    expect(contrastWithWhite('#777777')).toBeLessThan(4.5);
    // Sesame's own accent passes.
    expect(contrastWithWhite('#0b5cad')).toBeGreaterThan(4.5);
  });

  it('darkens by a quarter for hover, and darker keeps the contrast', () => {
    expect(darkerShade('#0b5cad')).toBe('#084582');
    expect(contrastWithWhite(darkerShade('#767676'))).toBeGreaterThan(contrastWithWhite('#767676'));
  });
});
