/**
 * What the bench's sign-ins share: a cookie jar and a timer around `fetch`, redirects followed by
 * hand (`redirect: 'manual'`) while they stay on the identity origin, and forms submitted as a
 * browser would (their hidden fields plus what the user typed). Every body is read.
 */
import { type HtmlForm, readForm } from './html-form.ts';

/** Request label (method and path, uid elided) → durations in ms, filled by each sign-in. */
export type StepTimes = Map<string, number[]>;

export interface Reply {
  status: number;
  location: string | null;
  text: string;
}

const requestTimeoutMs = 30_000;

export class Browser {
  private readonly cookies = new Map<string, string>();
  private readonly origin: string;
  private readonly steps: StepTimes | undefined;
  /** Labels already used in this sign-in: a second `GET /interaction/:uid` is labelled « (2) ». */
  private readonly seen = new Map<string, number>();
  constructor(origin: string, steps: StepTimes | undefined) {
    this.origin = origin;
    this.steps = steps;
  }

  async request(
    method: 'GET' | 'POST',
    url: URL,
    body?: URLSearchParams,
    headers: Record<string, string> = {},
  ): Promise<Reply> {
    const started = performance.now();
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await fetch(url, {
      method,
      redirect: 'manual',
      signal: AbortSignal.timeout(requestTimeoutMs),
      headers: {
        accept: 'text/html',
        ...(cookie === '' ? {} : { cookie }),
        ...headers,
      },
      ...(body === undefined ? {} : { body }),
    });
    this.store(response.headers.getSetCookie());
    // Read the whole body before stopping the clock (and so the connection is reused).
    const text = await response.text();
    this.record(`${method} ${stepPath(url)}`, performance.now() - started);
    return { status: response.status, location: response.headers.get('location'), text };
  }

  /** GET a page of the identity server (a path or a URL) and follow its redirects. */
  async open(url: string | URL): Promise<Reply> {
    return this.follow(await this.request('GET', new URL(url, this.origin)));
  }

  /** POST a form with its hidden fields and `typed`, from our origin; follow the redirects. */
  async submit(form: HtmlForm, typed: Record<string, string>): Promise<Reply> {
    const body = new URLSearchParams({ ...form.hidden, ...typed });
    const url = new URL(form.action, this.origin);
    return this.follow(await this.request('POST', url, body, { origin: this.origin }));
  }

  /** The form of a page whose action ends with `actionSuffix`; throws with the page's status. */
  formOn(page: Reply, actionSuffix: string, step: string): HtmlForm {
    const form = page.status < 300 ? readForm(page.text, actionSuffix) : undefined;
    if (form === undefined)
      throw new Error(`${step}: HTTP ${page.status}, no form …${actionSuffix} ${excerpt(page)}`);
    return form;
  }

  /** Follow 3xx responses while they point at the identity origin; return the last response. */
  async follow(reply: Reply): Promise<Reply> {
    let current = reply;
    for (let hop = 0; hop < 10 && current.status >= 300 && current.status < 400; hop += 1) {
      const location = new URL(redirectTarget(current), this.origin);
      if (location.origin !== this.origin) return current;
      current = await this.request('GET', location);
    }
    return current;
  }

  private store(setCookies: string[]) {
    for (const line of setCookies) {
      const [pair = '', ...attributes] = line.split(';');
      const at = pair.indexOf('=');
      const name = pair.slice(0, at).trim();
      const value = pair.slice(at + 1).trim();
      const expired = attributes.some((attribute) => {
        const [key = '', val = ''] = attribute.trim().split('=');
        if (key.toLowerCase() === 'max-age') return Number(val) <= 0;
        if (key.toLowerCase() === 'expires') return Date.parse(val) < Date.now();
        return false;
      });
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  private record(step: string, ms: number) {
    if (this.steps === undefined) return;
    const count = (this.seen.get(step) ?? 0) + 1;
    this.seen.set(step, count);
    const label = count === 1 ? step : `${step} (${count})`;
    const list = this.steps.get(label) ?? [];
    list.push(ms);
    this.steps.set(label, list);
  }
}

export function redirectTarget(reply: Reply): string {
  if (reply.location === null) throw new Error(`expected a redirect, got HTTP ${reply.status}`);
  return reply.location;
}

function excerpt(reply: Reply): string {
  const title = /<title>([^<]*)<\/title>/.exec(reply.text)?.[1];
  return title === undefined ? '' : `(« ${title} »)`;
}

/** `/interaction/Ab3…/login` → `/interaction/:uid/login`, so that steps group across sign-ins. */
function stepPath(url: URL): string {
  return url.pathname.replace(/^(\/interaction|\/oidc\/auth)\/[^/]+/, '$1/:uid');
}
