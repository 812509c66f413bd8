/**
 * The live stream of this device's push requests while the app is open (contract
 * `pushApiPaths.stream`): a signed GET read as server-sent events with `fetch` (EventSource cannot
 * send the signature), each `requests` event the whole pending list. The server ends the stream
 * now and then; `watchPushRequests` opens a new one (a new proof each time) until `signal` aborts,
 * waiting longer after each failure.
 */
import {
  type PushRequest,
  PushRequestsResponse,
  pushApiPaths,
  pushStreamEvent,
} from '@sesame/contracts';
import { Check } from 'typebox/value';
import type { PushAccount } from './push-requests.ts';
import { deviceAuthorization } from './sign-device-request.ts';

export interface WatchPushRequestsOptions {
  fetch: typeof globalThis.fetch;
  account: PushAccount;
  now: () => number;
  onRequests: (requests: PushRequest[]) => void;
  signal: AbortSignal;
  /** Waits between reconnections (tests shorten them). */
  sleep?: (ms: number) => Promise<void>;
}

export async function watchPushRequests(options: WatchPushRequestsOptions): Promise<void> {
  const sleep = options.sleep ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  let failures = 0;
  while (!options.signal.aborted) {
    const ok = await readOneStream(options).catch(() => false);
    failures = ok ? 0 : failures + 1;
    if (options.signal.aborted) return;
    await sleep(Math.min(30_000, 1000 * 2 ** Math.min(failures, 5)));
  }
}

/** One stream, to its end; false when it could not be opened. */
async function readOneStream(options: WatchPushRequestsOptions): Promise<boolean> {
  const url = `${options.account.issuer}${pushApiPaths.stream}`;
  const authorization = await deviceAuthorization({
    privateKey: options.account.privateKey,
    deviceId: options.account.id,
    method: 'GET',
    url,
    nowMs: options.now(),
  });
  const response = await options.fetch(url, {
    headers: { authorization, accept: 'text/event-stream' },
    credentials: 'omit',
    redirect: 'error',
    signal: options.signal,
  });
  if (!response.ok || response.body === null) return false;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return true;
    buffered += value;
    let end = buffered.indexOf('\n\n');
    while (end >= 0) {
      handleEvent(buffered.slice(0, end), options.onRequests);
      buffered = buffered.slice(end + 2);
      end = buffered.indexOf('\n\n');
    }
  }
}

/** One server-sent event (`event:` and `data:` lines); comments and other events are skipped. */
export function handleEvent(block: string, onRequests: (requests: PushRequest[]) => void): void {
  const lines = block.split('\n');
  const event = lines
    .find((line) => line.startsWith('event:'))
    ?.slice(6)
    .trim();
  if (event !== pushStreamEvent) return;
  const data = lines
    .filter((line) => line.startsWith('data:'))
    .map((line) => line.slice(5).trimStart())
    .join('\n');
  try {
    const parsed: unknown = JSON.parse(data);
    if (Check(PushRequestsResponse, parsed)) onRequests(parsed.requests);
  } catch {
    // A malformed event is skipped; the next one carries the whole list again.
  }
}
