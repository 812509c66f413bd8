// The push page waits for the phone: the server tells it (server-sent events) when the request is
// approved, denied or expired, and the page then sends its form, so that the step is decided by
// the server in one place. Without JavaScript, the « Continuer » button sends the same form.
(() => {
  const root = document.querySelector('[data-challenge-events]');
  if (!root || !('EventSource' in window)) return;
  const form = root.querySelector('[data-settled-form]');
  root.querySelector('[data-continue]')?.setAttribute('hidden', '');
  const source = new EventSource(root.dataset.challengeEvents);
  const settled = () => {
    source.close();
    form.submit();
  };
  for (const event of ['approved', 'denied', 'expired', 'cancelled', 'consumed'])
    source.addEventListener(event, settled);
  window.addEventListener('pagehide', () => source.close());
})();
