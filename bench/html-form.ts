/**
 * The forms of Sesame's server-rendered pages, read as a browser would submit them: the action
 * and the hidden fields. Enough for the pages the bench walks through (no nested forms, attribute
 * values in double quotes, as preact-render-to-string writes them).
 */

export interface HtmlForm {
  action: string;
  hidden: Record<string, string>;
}

/** The first POST form whose action ends with `actionSuffix` (query string aside). */
export function readForm(html: string, actionSuffix: string): HtmlForm | undefined {
  for (const match of html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)) {
    const attributes = readAttributes(match[1] ?? '');
    const action = attributes.get('action');
    if (action === undefined || attributes.get('method')?.toLowerCase() !== 'post') continue;
    if (!action.split('?')[0]?.endsWith(actionSuffix)) continue;
    const hidden: Record<string, string> = {};
    for (const input of (match[2] ?? '').matchAll(/<input\b([^>]*)>/g)) {
      const field = readAttributes(input[1] ?? '');
      const name = field.get('name');
      if (field.get('type') === 'hidden' && name !== undefined)
        hidden[name] = field.get('value') ?? '';
    }
    return { action, hidden };
  }
  return undefined;
}

/** An `href` on the page whose path ends with `pathSuffix`. */
export function findLink(html: string, pathSuffix: string): string | undefined {
  for (const match of html.matchAll(/<a\b([^>]*)>/g)) {
    const href = readAttributes(match[1] ?? '').get('href');
    if (href?.split('?')[0]?.endsWith(pathSuffix)) return href;
  }
  return undefined;
}

/** The text of the first element carrying `attribute` (e.g. `data-secret`). */
export function textOf(html: string, attribute: string): string | undefined {
  const match = new RegExp(`<[a-z]+\\b[^>]*\\s${attribute}(?:="[^"]*")?[^>]*>([^<]*)<`).exec(html);
  return match?.[1] === undefined ? undefined : decodeEntities(match[1]).trim();
}

function readAttributes(source: string): Map<string, string> {
  const attributes = new Map<string, string>();
  for (const match of source.matchAll(/([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:="([^"]*)")?/g))
    if (match[1] !== undefined)
      attributes.set(match[1].toLowerCase(), decodeEntities(match[2] ?? ''));
  return attributes;
}

const entities: Record<string, string> = {
  '&amp;': '&',
  '&quot;': '"',
  '&#39;': "'",
  '&lt;': '<',
  '&gt;': '>',
};

function decodeEntities(text: string): string {
  return text.replace(/&(?:amp|quot|#39|lt|gt);/g, (entity) => entities[entity] ?? entity);
}
