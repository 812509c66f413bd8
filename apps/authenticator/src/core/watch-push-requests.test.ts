import { describe, expect, it } from 'vitest';
import { normalizePushNumber } from './sign-push-answer.ts';
import { handleEvent } from './watch-push-requests.ts';

const request = {
  id: 'c1',
  application: 'Espace client',
  browser: 'Chrome 131',
  system: 'macOS',
  ip: '203.0.113.7',
  createdAt: 1,
  expiresAt: 2,
  mode: 'typed-6',
};

describe('the request stream as the app reads it', () => {
  it('takes the whole list from a `requests` event, data split over lines or not', () => {
    const lists: unknown[] = [];
    handleEvent(`event: requests\ndata: ${JSON.stringify({ requests: [request] })}`, (l) =>
      lists.push(l),
    );
    handleEvent('event: requests\ndata: {"requests":\ndata: []}', (l) => lists.push(l));
    expect(lists).toEqual([[request], []]);
  });

  it('skips comments, other events and anything not of the contract', () => {
    const lists: unknown[] = [];
    for (const block of [
      ': keep-alive',
      'event: other\ndata: {"requests":[]}',
      'event: requests\ndata: not json',
      'event: requests\ndata: {"requests":[{"id":1}]}',
    ])
      handleEvent(block, (l) => lists.push(l));
    expect(lists).toEqual([]);
  });

  it('reads a number typed with spaces or a dash as its digits', () => {
    expect(normalizePushNumber('482 915')).toBe('482915');
    expect(normalizePushNumber('48-29 15')).toBe('482915');
  });
});
