/**
 * The organization's accent colour (`#rrggbb`): the pages' buttons, links and header rule use it
 * through the CSS custom property `--accent`. White text sits on it and it is text on white, so a
 * colour under WCAG AA's 4.5:1 against white is refused, not adjusted (what the administrator
 * chose is what the pages show, or nothing changes).
 */

/** WCAG 2.x AA for normal text. */
export const minimumContrast = 4.5;

const hexColour = /^#[0-9a-f]{6}$/;

/** `#RRGGBB` or `#rrggbb` → lower case; anything else → undefined. */
export function parseHexColour(text: string): string | undefined {
  const colour = text.trim().toLowerCase();
  return hexColour.test(colour) ? colour : undefined;
}

/** WCAG relative luminance of an sRGB colour. */
export function relativeLuminance(colour: string): number {
  const [r, g, b] = channels(colour).map((value) => {
    const c = value / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** The contrast ratio of white against `colour`, from 1 to 21. */
export function contrastWithWhite(colour: string): number {
  return 1.05 / (relativeLuminance(colour) + 0.05);
}

/** The hover and pressed shade (`--accent-dark`): the same hue, a quarter darker. */
export function darkerShade(colour: string): string {
  return `#${channels(colour)
    .map((value) =>
      Math.round(value * 0.75)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

function channels(colour: string): number[] {
  return [1, 3, 5].map((start) => Number.parseInt(colour.slice(start, start + 2), 16));
}
